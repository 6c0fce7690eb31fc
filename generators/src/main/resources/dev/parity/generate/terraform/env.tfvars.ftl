<#-- <env>.tfvars: one remote environment's values. Values are HCL literals already; groups are aligned as terraform fmt does. -->
<#macro group g>
<#list g.attributes as a>
${a.name?right_pad(g.width)} = ${a.value}
</#list>
</#macro>
<#macro map name entries>
<#if entries?has_content>
${name} = {
<#list entries as e>
<#if e.values.attributes?has_content>
  ${e.key} = {
<#list e.values.attributes as a>
    ${a.name?right_pad(e.values.width)} = ${a.value}
</#list>
  }
<#else>
  ${e.key} = {}
</#if>
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

# Non-secret config, by app: each app receives only the keys it uses.
<@map "app_environment" appEnvironment/>

# Secret config, by app: references into the secret store, never values; a secret reaches only
# the apps that use it.
<@map "app_secrets" appSecrets/>
<#if knobs.attributes?has_content>

<@group knobs/>
</#if>
