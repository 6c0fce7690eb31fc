// verify failed, wrote nothing, and listed each file the new spec generates differently, and how to fix it.
def log = new File(basedir, 'build.log').text
assert log =~ /deploy differs from what CacheSpec.java generates \(\d+ file\(s\)\):/
assert log =~ /stale\s+local\/docker-compose.yml/
assert log =~ /stale\s+ENVIRONMENTS.md/
assert log =~ /hand-edited\s+ci\/parity-gate.sh/
assert log.contains('Run `mvn parity:generate`')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'deploy/local/docker-compose.yml').text.contains('redis:7.2.5')
return true
