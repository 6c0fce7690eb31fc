// up exported the config, the ITs passed against the migrated database, down removed the stack and the env file.
def log = new File(basedir, 'build.log').text
assert log.contains("Starting stack 'parity-plugin-it', environment 'local'")
assert log =~ /Exported \d+ properties \(DB_HOST, DB_PORT, DB_PASSWORD, parity.orders-db.port, parity.orders-db.jdbcUrl\)/
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/
assert log.contains('No drift.')
assert log =~ /Removed [1-9]\d* containers and networks of stack 'parity-plugin-it' \(local\)/
assert !new File(basedir, 'target/parity/local.env').exists()
def left = ['docker', 'ps', '-aq', '--filter', 'label=dev.parity.stack=parity-plugin-it'].execute().text.trim()
assert left.isEmpty()
// down removed the data volume too (parity.volumes=true): nothing of the stack is left for the next build
def volumes = ['docker', 'volume', 'ls', '-q', '--filter', 'label=dev.parity.stack=parity-plugin-it'].execute()
volumes.waitFor()
assert volumes.text.trim().isEmpty() : "data volumes left behind: ${volumes.text}"
return true
