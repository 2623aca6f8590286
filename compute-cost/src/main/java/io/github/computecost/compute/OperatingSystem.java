package io.github.computecost.compute;

import java.util.Locale;

/** The operating system a task or instance runs, as it changes the price. */
public enum OperatingSystem {
    /** Linux (on EC2: Linux/UNIX without separately licensed software). */
    LINUX("linux"),
    /** Windows Server, license included. */
    WINDOWS("windows");

    private final String id;

    OperatingSystem(String id) {
        this.id = id;
    }

    /** @return the name used in workload files, {@code "linux"} */
    public String id() {
        return id;
    }

    /**
     * @param name {@code "linux"} or {@code "windows"} (case-insensitive)
     * @return the operating system
     * @throws IllegalArgumentException naming the accepted values
     */
    public static OperatingSystem parse(String name) {
        for (OperatingSystem o : values()) {
            if (o.id.equals(name.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("operatingSystem must be linux or windows, was \"" + name + "\"");
    }

    @Override
    public String toString() {
        return id;
    }
}
