<#-- variables.tf: every knob declared once. Model: header, variables (name, type, description, default?, validations). -->
${header}<#list variables as v>
variable "${v.name}" {
  type        = ${v.type}
  description = ${hcl(v.description)}
<#if v.default??>
  default     = ${v.default}
</#if>
<#list v.validations as c>

  validation {
    condition     = ${c.condition}
    error_message = ${hcl(c.message)}
  }
</#list>
}
</#list>
