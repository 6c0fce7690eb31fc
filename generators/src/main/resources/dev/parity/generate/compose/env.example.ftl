${header}
# Copy this file to .env in this folder and fill in the secrets; never commit
# .env (local/.gitignore keeps it out). docker-compose reads .env from the
# folder of docker-compose.yml.
<#if secrets?has_content>

# Secrets: the local stack refuses to start without them.
<#list secrets as s>
<#if s.description?has_content>
# ${s.description}
</#if>
${s.name}=
</#list>
</#if>
<#if files?has_content>

# Secret files: create each of these in local/secrets/ (git-ignored), holding
# only the secret's value; the containers read them under /run/secrets/.
<#list files as f>
#   secrets/${f.name} holds ${f.key}
</#list>
</#if>
<#if fixed?has_content>

# Fixed by the spec in docker-compose.yml, listed for reference (change the spec, not these):
<#list fixed as f>
<#if f.set == "true" && f.shown == "true">
# ${f.name}=${f.value}
<#elseif f.set == "true">
# ${f.name} holds a character no .env line can carry; its value is in docker-compose.yml
<#else>
# ${f.name} is optional and not set locally
</#if>
</#list>
</#if>
