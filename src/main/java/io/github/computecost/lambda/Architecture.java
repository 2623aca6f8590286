package io.github.computecost.lambda;

import java.util.Locale;

/** The instruction set a Lambda function runs on. */
public enum Architecture {
    /** x86_64, AWS's default. */
    X86_64("x86_64", ""),
    /** arm64 (AWS Graviton), with its own, lower duration prices and tier bounds. */
    ARM64("arm64", "-ARM");

    private final String awsName;
    private final String usageTypeSuffix;

    Architecture(String awsName, String usageTypeSuffix) {
        this.awsName = awsName;
        this.usageTypeSuffix = usageTypeSuffix;
    }

    /** @return AWS's name, {@code "x86_64"} or {@code "arm64"} */
    public String awsName() {
        return awsName;
    }

    /** @return the suffix of this architecture's Lambda usage types ({@code "-ARM"} or empty) */
    String usageTypeSuffix() {
        return usageTypeSuffix;
    }

    /**
     * Parses AWS's name.
     *
     * @param name {@code "x86_64"} or {@code "arm64"} (case-insensitive)
     * @return the architecture
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.awsName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("architecture must be x86_64 or arm64, was \"" + name + "\"");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
