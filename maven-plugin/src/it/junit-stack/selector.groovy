// Docker-backed: runs where Docker answers, always with PARITY_REQUIRE_DOCKER=true (then no Docker fails the build),
// and is skipped with the reason on the console otherwise.
if ('true'.equalsIgnoreCase(System.getenv('PARITY_REQUIRE_DOCKER'))) {
  return true
}
def reachable = false
try {
  def probe = ['docker', 'version', '--format', '{{.Server.Version}}'].execute()
  reachable = probe.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0
} catch (IOException ignored) {
}
if (!reachable) {
  def reason = '[parity] SKIPPED sample build junit-stack: Docker is not reachable (docker version failed); set PARITY_REQUIRE_DOCKER=true to fail instead'
  println reason
  // println lands in the sample's build.log only; the console gets the reason too, as the tests' skip lines do.
  def console = new PrintStream(new FileOutputStream(FileDescriptor.out), true)
  console.println reason
}
return reachable
