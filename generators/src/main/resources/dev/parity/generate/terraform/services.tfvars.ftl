<#-- services/<env>.tfvars: the managed services of one remote environment. Values are HCL literals already. -->
<#macro group g>
<#list g.attributes as a>
${a.name?right_pad(g.width)} = ${a.value}
</#list>
</#macro>
${header}
# Managed services of ${environment}: each engine at the exact version every environment runs; only the class may differ.
<@group values/>
<#if databases.attributes?has_content>

<@group databases/>
</#if>
