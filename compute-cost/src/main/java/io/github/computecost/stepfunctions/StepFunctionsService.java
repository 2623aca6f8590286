package io.github.computecost.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.computecost.limits.ValidationReport;
import io.github.computecost.pricing.TableSchema;
import io.github.computecost.service.Entry;
import io.github.computecost.service.MeteredResource;
import io.github.computecost.service.PriceListMapping;
import io.github.computecost.service.Service;
import io.github.computecost.service.ServiceContext;
import io.github.computecost.service.TemplateMapping;
import io.github.computecost.service.TemplateResource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Step Functions as the estimator knows it: workload type {@code step-functions}, Standard workflows by state
 * transitions (the account's 4,000 free a month shared by every state machine) and Express workflows by requests
 * and GB-seconds; its quotas; its template resources ({@code AWS::StepFunctions::StateMachine},
 * {@code AWS::Serverless::StateMachine}); its Price List offer (AmazonStates). Stateless and thread-safe.
 */
public final class StepFunctionsService implements Service<StateMachine>, TemplateMapping<StateMachine> {

    /** The one instance. */
    public static final StepFunctionsService INSTANCE = new StepFunctionsService();

    /** AWS Price List service code of Step Functions' table (and of its offer). */
    public static final String TABLE = "AmazonStates";

    /** The keys of a workload entry and of a template's usage entry. */
    private static final Set<String> USAGE = Set.of("region", "executionsPerMonth", "transitionsPerExecution",
            "transitionsPerMonth", "averageDurationMs", "memoryMb", "payloadKb", "historyEventsPerExecution");
    private static final Set<String> KEYS = Entry.keysOf(USAGE, "workflowType");

    private StepFunctionsService() {
    }

    @Override
    public String type() {
        return StateMachine.TYPE;
    }

    @Override
    public Set<String> entryKeys() {
        return KEYS;
    }

    @Override
    public Class<StateMachine> resourceType() {
        return StateMachine.class;
    }

    @Override
    public String title() {
        return "AWS Step Functions";
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public List<TableSchema<?>> schemas() {
        return List.of(StepFunctionsTables.SCHEMA);
    }

    @Override
    public StateMachine read(Entry r) {
        r.allowOnly(entryKeys());
        StateMachine.WorkflowType type = r.parse("workflowType", StateMachine.WorkflowType::parse);
        return usage(r, r.string("name"), r.optString("region"), type);
    }

    /**
     * Reads the month's executions of a state machine of {@code type}: a Standard workflow needs its transitions
     * per execution once it has executions; an Express workflow its average duration.
     */
    private static StateMachine usage(Entry r, String name, Optional<String> region, StateMachine.WorkflowType type) {
        long executions = r.nonNegativeLong("executionsPerMonth", 0);
        BigDecimal transitions = BigDecimal.ZERO;
        BigDecimal duration = BigDecimal.ZERO;
        Optional<BigDecimal> perMonth = Optional.empty();
        if (type == StateMachine.WorkflowType.STANDARD) {
            if (r.has("transitionsPerMonth") && r.has("transitionsPerExecution")) {
                throw r.error("transitionsPerMonth", "and transitionsPerExecution both count the transitions; give "
                        + "one: the month's total, or the count per execution");
            }
            if (executions > 0 && !r.has("transitionsPerExecution") && !r.has("transitionsPerMonth")) {
                throw r.error("transitionsPerExecution", "is required for a STANDARD workflow with executions (or "
                        + "transitionsPerMonth, the month's total): AWS charges per state transition (one for every "
                        + "state executed, retries included)");
            }
            transitions = r.nonNegative("transitionsPerExecution", BigDecimal.ZERO);
            perMonth = r.optNonNegative("transitionsPerMonth");
            for (String k : List.of("averageDurationMs", "memoryMb")) {
                if (r.has(k)) {
                    throw r.error(k, "applies to EXPRESS workflows only; a STANDARD workflow is charged per state "
                            + "transition");
                }
            }
        } else {
            if (executions > 0 && !r.has("averageDurationMs")) {
                throw r.error("averageDurationMs", "is required for an EXPRESS workflow with executions: AWS "
                        + "charges for its duration");
            }
            duration = r.nonNegative("averageDurationMs", BigDecimal.ZERO);
            for (String k : List.of("transitionsPerExecution", "transitionsPerMonth", "historyEventsPerExecution")) {
                if (r.has(k)) {
                    throw r.error(k, "applies to STANDARD workflows only; an EXPRESS workflow is charged per request "
                            + "and GB-second");
                }
            }
        }
        BigDecimal memory = r.has("memoryMb") ? r.positive("memoryMb") : StateMachine.DEFAULT_MEMORY_MB;
        Optional<Long> history = r.has("historyEventsPerExecution")
                ? Optional.of(r.nonNegativeLong("historyEventsPerExecution")) : Optional.empty();
        BigDecimal fTransitions = transitions;
        BigDecimal fDuration = duration;
        Optional<BigDecimal> fPerMonth = perMonth;
        return r.step("executionsPerMonth", () -> new StateMachine(name, region, type, executions, fTransitions,
                fDuration, memory, r.optNonNegative("payloadKb"), history, fPerMonth));
    }

    @Override
    public ValidationReport check(StateMachine m, ServiceContext context) {
        return StepFunctionsMeter.check(m, context.tables(StepFunctionsTables.SCHEMA));
    }

    @Override
    public MeteredResource meter(StateMachine m, ServiceContext context) {
        return StepFunctionsMeter.meter(m, context.tables(StepFunctionsTables.SCHEMA), context.region());
    }

    @Override
    public Optional<TemplateMapping<StateMachine>> templates() {
        return Optional.of(this);
    }

    @Override
    public List<PriceListMapping> priceList() {
        return List.of(PriceListMapping.of(TABLE, TABLE));
    }

    // ---------------------------------------------------------------- templates

    /** The state machines' properties (CloudFormation's and SAM's references, read 2026-12-02). */
    private static final java.util.Map<String, Set<String>> PROPERTIES = java.util.Map.of(
            "AWS::StepFunctions::StateMachine", Set.of("Definition", "DefinitionS3Location", "DefinitionString",
                    "DefinitionSubstitutions", "EncryptionConfiguration", "LoggingConfiguration", "RoleArn",
                    "StateMachineName", "StateMachineType", "Tags", "TracingConfiguration"),
            "AWS::Serverless::StateMachine", Set.of("AutoPublishAlias", "Definition", "DefinitionSubstitutions",
                    "DefinitionUri", "DeploymentPreference", "Events", "Logging", "Name", "PermissionsBoundary",
                    "Policies", "PropagateTags", "Role", "RolePath", "Tags", "Tracing", "Type",
                    "UseAliasAsEventTarget"));

    @Override
    public java.util.Map<String, Set<String>> knownProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine");
    }

    @Override
    public Set<String> usageKeys(String type) {
        return USAGE;
    }

    @Override
    public Optional<StateMachine> read(TemplateResource t) {
        JsonNode p = t.properties();
        String key = t.type().equals("AWS::Serverless::StateMachine") ? "Type" : "StateMachineType";
        StateMachine.WorkflowType type = StateMachine.WorkflowType.STANDARD; // CloudFormation's default
        if (p.has(key)) {
            Optional<JsonNode> v = t.resolve(p.get(key));
            if (v.isEmpty() || !v.get().isTextual()) {
                t.unknown(key, "the workflow type is unknown, so the state machine is not priced");
                return Optional.empty();
            }
            try {
                type = StateMachine.WorkflowType.parse(v.get().asText());
            } catch (IllegalArgumentException e) {
                throw t.error(key, e.getMessage());
            }
        }
        Optional<Entry> u = t.usage();
        if (u.isEmpty()) {
            return Optional.of(new StateMachine(t.name(), Optional.empty(), type, 0, BigDecimal.ZERO,
                    BigDecimal.ZERO, StateMachine.DEFAULT_MEMORY_MB, Optional.empty(), Optional.empty()));
        }
        Entry use = u.get();
        use.allowOnly(USAGE);
        return Optional.of(usage(use, t.name(), use.optString("region"), type));
    }
}
