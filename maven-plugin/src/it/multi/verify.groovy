// Each module generated and checked its own tree, with its own spec, in one parallel build.
def log = new File(basedir, 'build.log').text
for (m in ['billing', 'shop']) {
  assert new File(basedir, "${m}/deploy/local/docker-compose.yml").text.contains('redis')
  assert log =~ /Generated \d+ files for stack '${m}' in .*${m}.deploy: \d+ written/
  assert log =~ /${m}.deploy is up to date: \d+ files, as ${m.capitalize()}Spec.java generates them\./
}
assert !log.contains('is not marked as thread-safe')
return true
