package io.github.computecost.edge;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What an edge function's code needs, as far as the user knows: decides whether it could run as a
 * CloudFront Function. Every field is optional; an unknown need is reported as "cannot tell", never as
 * "fits".
 *
 * @param runtime the Lambda runtime identifier, {@code "nodejs22.x"}, {@code "python3.13"}
 * @param needsNetwork whether it makes network calls
 * @param needsBody whether it reads the request body
 * @param needsFileSystem whether it uses a file system
 * @param codeSizeKb size of the code, in KB
 * @param memoryUsedMb the memory the code actually uses (not the configured memory), in MB
 * @param generatedResponseKb the largest response the function generates (headers and body), in KB
 */
public record FunctionNeeds(Optional<String> runtime, Optional<Boolean> needsNetwork, Optional<Boolean> needsBody,
        Optional<Boolean> needsFileSystem, Optional<BigDecimal> codeSizeKb, Optional<BigDecimal> memoryUsedMb,
        Optional<BigDecimal> generatedResponseKb) {

    /**
     * Needs without a generated response size.
     *
     * @param runtime the Lambda runtime identifier, {@code "nodejs22.x"}, {@code "python3.13"}
     * @param needsNetwork whether it makes network calls
     * @param needsBody whether it reads the request body
     * @param needsFileSystem whether it uses a file system
     * @param codeSizeKb size of the code, in KB
     * @param memoryUsedMb the memory the code actually uses (not the configured memory), in MB
     */
    public FunctionNeeds(Optional<String> runtime, Optional<Boolean> needsNetwork, Optional<Boolean> needsBody,
            Optional<Boolean> needsFileSystem, Optional<BigDecimal> codeSizeKb, Optional<BigDecimal> memoryUsedMb) {
        this(runtime, needsNetwork, needsBody, needsFileSystem, codeSizeKb, memoryUsedMb, Optional.empty());
    }

    /** Nothing known. */
    public static final FunctionNeeds UNKNOWN = new FunctionNeeds(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks the components.
     *
     * @param runtime the Lambda runtime identifier, {@code "nodejs22.x"}, {@code "python3.13"}
     * @param needsNetwork whether it makes network calls
     * @param needsBody whether it reads the request body
     * @param needsFileSystem whether it uses a file system
     * @param codeSizeKb size of the code, in KB
     * @param memoryUsedMb the memory the code actually uses (not the configured memory), in MB
     * @param generatedResponseKb the largest response the function generates (headers and body), in KB
     */
    public FunctionNeeds {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(needsNetwork, "needsNetwork");
        Objects.requireNonNull(needsBody, "needsBody");
        Objects.requireNonNull(needsFileSystem, "needsFileSystem");
        Objects.requireNonNull(codeSizeKb, "codeSizeKb");
        Objects.requireNonNull(memoryUsedMb, "memoryUsedMb");
        Objects.requireNonNull(generatedResponseKb, "generatedResponseKb");
        codeSizeKb.ifPresent(v -> {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("codeSizeKb must not be negative: " + v.toPlainString());
            }
        });
        memoryUsedMb.ifPresent(v -> {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("memoryUsedMb must not be negative: " + v.toPlainString());
            }
        });
    }
}
