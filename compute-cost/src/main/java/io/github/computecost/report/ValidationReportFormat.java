package io.github.computecost.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.limits.Violation;
import java.util.Locale;

/** Renders a {@link ValidationReport} as {@code validate} prints it. Stateless and thread-safe. */
public final class ValidationReportFormat {

    private ValidationReportFormat() {
    }

    /**
     * @param report the report
     * @return {@code { "valid": ..., "violations": [ {resource, code, severity, field, value, limit, message} ] }}
     */
    public static String json(ValidationReport report) {
        ObjectNode root = JsonOutput.object();
        root.put("valid", !report.hasErrors());
        putViolations(root, report);
        return JsonOutput.write(root);
    }

    /** Adds a {@code violations} array to {@code root}. */
    static void putViolations(ObjectNode root, ValidationReport report) {
        ArrayNode arr = root.putArray("violations");
        for (Violation v : report.violations()) {
            ObjectNode n = arr.addObject();
            n.put("resource", v.resource());
            n.put("code", v.code());
            n.put("severity", v.severity().name().toLowerCase(Locale.ROOT));
            n.put("field", v.field());
            n.put("value", v.value());
            n.put("limit", v.limit());
            n.put("message", v.message());
        }
    }

    /** Appends one line per violation. */
    static void lines(StringBuilder sb, ValidationReport report) {
        for (Violation v : report.violations()) {
            sb.append(v.severity().name().toLowerCase(Locale.ROOT)).append(' ').append(v.code()).append(": ")
                    .append(v.message()).append('\n');
        }
    }

    /**
     * @param report the report
     * @param source the input's name, for the summary line
     * @return one line per violation, then a summary line
     */
    public static String text(ValidationReport report, String source) {
        StringBuilder sb = new StringBuilder();
        lines(sb, report);
        long errors = report.errors().size();
        long warnings = report.violations().size() - errors;
        sb.append(source).append(": ").append(errors == 0 ? "valid" : "not valid").append(", ").append(errors)
                .append(errors == 1 ? " error, " : " errors, ").append(warnings)
                .append(warnings == 1 ? " warning" : " warnings").append('\n');
        return sb.toString();
    }
}
