<#-- <env>.tfvars: one remote environment's values. Values are HCL literals already; groups are aligned as terraform fmt does. -->
<#macro group g>
<#list g.attributes as a>
${a.name?right_pad(g.width)} = ${a.value}
</#list>
</#macro>
<#macro map name g>
<#if g.attributes?has_content>
${name} = {
<#list g.attributes as a>
  ${a.name?right_pad(g.width)} = ${a.value}
</#list>
}
<#else>
${name} = {}
</#if>
</#macro>
${header}
<@group compute/>
<#if databases.attributes?has_content>

<@group databases/>
</#if>
<#if apps.attributes?has_content>

# Image tags (${imageTags?join(", ")}) are not set here: the image is built once and promoted,
# so its tag is given at deploy time with -var.
<@group apps/>
</#if>

# Non-secret config every app receives.
<@map "app_environment" appEnvironment/>

# Secret config: references into the secret store, never values.
<@map "app_secrets" appSecrets/>
<#if knobs.attributes?has_content>

<@group knobs/>
</#if>
