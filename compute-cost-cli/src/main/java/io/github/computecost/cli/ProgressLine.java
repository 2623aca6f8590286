package io.github.computecost.cli;

import io.github.computecost.pricelist.PriceListDownloader;
import io.github.computecost.Progress;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A progress line on standard error, rewritten in place ({@code \r}) while a long input is read, and erased once it
 * has been: rows, bytes, rows per second and the time left. Shown on a terminal only, unless asked for.
 */
final class ProgressLine implements Consumer<Progress> {

    private final String command;
    private final PrintWriter err;
    private int width;

    ProgressLine(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /**
     * @param asked {@code --progress} ({@code true}), {@code --no-progress} ({@code false}) or neither ({@code null}:
     *     on a terminal only)
     * @return whether to show progress
     */
    static boolean wanted(Boolean asked) {
        return asked != null ? asked : terminal();
    }

    /** @return whether the process runs on a terminal (Java 22 and later say so; before, a console means one) */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public void accept(Progress p) {
        if (p.done()) {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
            }
            return;
        }
        String line = text(command, p);
        err.print("\r" + line + (line.length() < width ? " ".repeat(width - line.length()) : ""));
        err.flush();
        width = Math.max(width, line.length());
    }

    /**
     * @return {@code rate-usage: 1,200,000 rows, 96.0 MB of 1200.0 MB (8 %), 2,400,000 rows/s, 0:05 left}; without
     *     rows counted, {@code import-prices: 96.0 MB of 1200.0 MB (8 %), 192.0 MB/s, 0:05 left}
     */
    static String text(String command, Progress p) {
        StringBuilder sb = new StringBuilder(command).append(": ");
        if (p.rows() > 0) {
            sb.append(String.format(Locale.ROOT, "%,d", p.rows())).append(" rows, ");
        }
        sb.append(PriceListDownloader.megabytes(p.bytes()));
        p.totalBytes().ifPresent(t -> sb.append(" of ").append(PriceListDownloader.megabytes(t))
                .append(t > 0 ? String.format(Locale.ROOT, " (%d %%)", p.bytes() * 100 / t) : ""));
        if (p.rows() > 0) {
            p.rowsPerSecond().ifPresent(r -> sb.append(String.format(Locale.ROOT, ", %,.0f rows/s", r)));
        } else {
            p.bytesPerSecond().ifPresent(b -> sb.append(", ").append(PriceListDownloader.megabytes((long) b))
                    .append("/s"));
        }
        p.remaining().ifPresent(left -> sb.append(", ").append(clock(left)).append(" left"));
        return sb.toString();
    }

    /** @return {@code m:ss}, or {@code h:mm:ss} from an hour */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
