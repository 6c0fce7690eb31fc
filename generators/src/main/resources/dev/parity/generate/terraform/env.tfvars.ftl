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

# Images by digest, as releases/${environment}.json records them: built once, promoted unchanged.
<#if unreleased?has_content>
# Not released to ${environment} yet: ${unreleased?join(", ")}; run `parity release --env ${environment}`.
</#if>
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
