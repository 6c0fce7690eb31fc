// The test class ran inside its stack (not skipped), from the installed artifacts, with a quiet log.
def report = new File(basedir, 'target/surefire-reports/TEST-com.acme.stack.OrdersTest.xml')
assert report.isFile()
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
assert suite.contains('tests="1"')
assert suite.contains('failures="0"')
assert suite.contains('errors="0"')
assert suite.contains('skipped="0"')
def log = new File(basedir, 'build.log').text
assert !(log =~ /SLF4J(\([A-Z]\))?:/)
def left = ['docker', 'ps', '-aq', '--filter', 'label=dev.parity.stack=parity-junit-it'].execute().text.trim()
assert left.isEmpty()
return true
