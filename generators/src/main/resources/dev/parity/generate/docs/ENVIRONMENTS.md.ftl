<#macro cell c>${md(c.text)}<#if c.code?has_content>${code(c.code)}</#if>${md(c.after)}</#macro>
<#macro names list><#list list as n>${code(n)}<#sep>, </#list><#if !list?has_content>—</#if></#macro>
<#macro yes b><#if b>yes<#else>no</#if></#macro>
${header}
# Environments of ${md(stack)}

**${md(stack)}** runs ${services?size} service<#if services?size != 1>s</#if><#if appCount gt 0> (${appCount} built from source)</#if>
in ${environments?size} environment<#if environments?size != 1>s</#if>, in order of promotion: <#list environments as e>${md(e)}<#sep> → </#list>.
Everything under *Shared by every environment* is the same everywhere; environments differ only
in the settings under *What differs per environment* and in the deviations declared after them,
each with its reason. Generated from ${md(spec)}.

## Shared by every environment

### Services

| Service | Kind | Version | Image / base image | Port | Depends on |
| --- | --- | --- | --- | --- | --- |
<#list services as s>
| ${code(s.name)} | ${md(s.kind)} | ${code(s.version)} | <@cell s.image/> | ${s.port} | <@names s.dependsOn/> |
</#list>

### Service graph

How the services are wired in the local stack: who depends on whom, the networks they share,
the volumes and files mounted into them and the ports published on 127.0.0.1. Remote
environments run the same services at their endpoints.

```mermaid
<#list graph as line>
${line}
</#list>
```

### Configuration schema

Each app receives the environment variables it uses (see *Config per app*) and refuses to
start without a required one.

<#if config?has_content>
| Key | Type | Default or reference | Required | Secret | Per environment | Description |
| --- | --- | --- | --- | --- | --- | --- |
<#list config as k>
| ${code(k.name)} | ${md(k.type)} | <@cell k.value/> | <@yes k.required/> | <@yes k.secret/> | <@yes k.perEnvironment/> | ${md(k.description)} |
</#list>
<#else>
The stack declares no configuration keys.
</#if>

<#if apps?has_content && config?has_content>
### Config per app

Each app receives only the keys it uses; a secret reaches only the apps that use it.

| Key | Secret | <#list apps as a>${code(a)}<#sep> | </#list> |
| --- | --- | <#list apps as a>---<#sep> | </#list> |
<#list appConfig as row>
| ${code(row[0])} | <#list row[1..] as c>${md(c)}<#sep> | </#list> |
</#list>

</#if>
<#list contracts as t>
### Config contract of ${code(t.app)}

What each environment gives the properties of its ${md(t.contract)} (${code(t.source)}): the key and value
that satisfy each, or the app's own default.

| Property | Type | <#list environments as e>${code(e)}<#sep> | </#list> |
| --- | --- | <#list environments as e>---<#sep> | </#list> |
<#list t.rows as row>
| <#list row as c><@cell c/><#sep> | </#list> |
</#list>

</#list>
### Migrations

<#if migrations?has_content>
Versioned migrations, applied before the app starts, give every environment the same schema.

| Database | Engine | Migrations folder |
| --- | --- | --- |
<#list migrations as m>
| ${code(m.service)} | ${md(m.engine)} | ${code(m.folder)} |
</#list>
<#else>
No database declares migrations.
</#if>

## What differs per environment

<#if knobs?has_content>
| Setting | <#list environments as e>${md(e)}<#sep> | </#list> |
| --- | <#list environments as e>---<#sep> | </#list> |
<#list knobs as row>
| <#list row as c><@cell c/><#sep> | </#list> |
</#list>
<#else>
Nothing: every environment is configured alike.
</#if>

## Declared deviations

<#if deviations?has_content>
| Service | Environments | What differs | Why |
| --- | --- | --- | --- |
<#list deviations as d>
| ${code(d.service)} | <@names d.environments/> | ${md(d.difference)} | ${md(d.reason)} |
</#list>
<#else>
None: every environment runs every service exactly as declared.
</#if>

## Delivery flow

```mermaid
<#list flow as line>
${line}
</#list>
```
<#if deployOrder?has_content>

## What a deploy runs, in order

Per environment, in promotion order; each step runs only when the one before it succeeded.
<#list deployOrder as e>

### ${md(e.name)}

<#list e.steps as step>
${step?counter}. ${step}
</#list>
</#list>
</#if>
