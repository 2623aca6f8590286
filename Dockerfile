# The compute-cost command line on a Java runtime only (no JDK, no build tools in the image).
# Build the jar first, then the image, from the checkout:
#   ./mvnw -B -ntp package -DskipTests
#   docker build -t compute-cost .
#   docker run --rm -v "$PWD:/work" compute-cost estimate examples/orders.yaml
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}
ARG JAR=compute-cost-cli/target/compute-cost-cli-0.1.0-SNAPSHOT.jar
COPY ${JAR} /opt/compute-cost/compute-cost.jar
COPY LICENSE NOTICE /opt/compute-cost/
WORKDIR /work
# Not root: the files it writes (--out-file, --charts) belong to the user the container runs as.
USER 65532:65532
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/compute-cost/compute-cost.jar"]
CMD ["--help"]
