package io.github.computecost.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terraform addresses taken apart as the plan reader needs them: module path, module call, type, instance. */
class TerraformPlanReaderTest {

    @Test
    void addressesOfModulesAndInstancesAreTakenApart() {
        String a = "module.eu[\"a.b\"].module.inner[0].aws_lambda_function.f[\"x\"]";
        assertEquals("module.eu[\"a.b\"].module.inner[0].", TerraformPlanReader.modulePrefix(a));
        assertEquals("module.eu.module.inner.", TerraformPlanReader.moduleCall(TerraformPlanReader.modulePrefix(a)));
        assertEquals("aws_lambda_function", TerraformPlanReader.typeOf(a));
        assertEquals("aws_lambda_function.f", TerraformPlanReader.stripIndex("aws_lambda_function.f[\"x\"]"));
        assertEquals("", TerraformPlanReader.modulePrefix("aws_instance.web[0]"));
        assertEquals("aws_instance", TerraformPlanReader.typeOf("aws_instance.web[0]"));
        assertEquals("module.m.", TerraformPlanReader.modulePrefix("module.m.aws_instance.web"));
    }
}
