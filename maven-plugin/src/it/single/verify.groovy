// The spec in src/main/java generated the tree beside the pom, check passed, a second build wrote nothing,
// and diff showed what differs between staging and production.
def log = new File(basedir, 'build.log').text
def deploy = new File(basedir, 'deploy')
assert new File(deploy, 'local/docker-compose.yml').isFile()
assert new File(deploy, 'terraform/production.tfvars').isFile()
assert log =~ /Generated \d+ files for stack 'shop' in .*deploy: \d+ written, 0 unchanged/
assert log =~ /deploy is up to date: \d+ files, as ShopSpec.java generates them\.\n/
assert log =~ /deploy is up to date: \d+ files, as ShopSpec.java generates them; nothing written\./
assert log.contains('staging vs production (stack \'shop\')')
assert log.contains("instance count: 1 | 3")
// relative paths start from the spec's folder: the compose file mounts nothing, the Flyway config names db/
assert new File(deploy, 'db').isDirectory()
return true
