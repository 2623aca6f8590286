package io.github.computecost.compute;

import java.util.Locale;

/** A processor architecture, in AWS's words. */
public enum Architecture {
    /** x86_64 (Intel, AMD), AWS's default. */
    X86_64("x86_64"),
    /** arm64 (AWS Graviton). */
    ARM64("arm64");

    private final String awsName;

    Architecture(String awsName) {
        this.awsName = awsName;
    }

    /** @return AWS's name, {@code "x86_64"} or {@code "arm64"} */
    public String awsName() {
        return awsName;
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
