// parity:cli generated the tree; its workflow runs parity through this project's ./mvnw. The step that sets
// that up runs here as written (bash, with GitHub's RUNNER_TEMP, GITHUB_ENV and GITHUB_PATH), and the launcher
// it writes then runs parity commands through Maven, keeping their output and their exit codes.
def log = new File(basedir, 'build.log').text
assert log =~ /Generated \d+ files for stack 'shop' in .*deploy: \d+ written/
def workflow = new File(basedir, 'deploy/ci/github/parity.yml').text
assert workflow.contains('parity runs as the Parity Maven plugin\'s parity:cli goal through mvnw')
assert !workflow.contains('PARITY_CLI_SHA256')

// the run: block of the first "Run parity through" step, its YAML indentation removed
def lines = workflow.readLines()
int at = lines.findIndexOf { it.contains('- name: Run parity through mvnw and the Parity Maven plugin') }
assert at >= 0
int run = (at..<lines.size()).find { lines[it].trim() == 'run: |' }
int indent = lines[run + 1].length() - lines[run + 1].stripLeading().length()
def script = lines.drop(run + 1).takeWhile { it.isBlank() || it.length() - it.stripLeading().length() >= indent }
    .collect { it.isBlank() ? '' : it.substring(indent) }.join('\n') + '\n'

def runner = new File(basedir, 'target/runner')
runner.mkdirs()
def githubEnv = new File(runner, 'github_env')
def githubPath = new File(runner, 'github_path')
def env = [RUNNER_TEMP: runner.path, GITHUB_ENV: githubEnv.path, GITHUB_PATH: githubPath.path, PATH: System.getenv('PATH'),
           HOME: System.getProperty('user.home'), JAVA_HOME: System.getProperty('java.home')]
def exec = { List<String> command, Map<String, String> variables ->
  def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
  builder.environment().clear()
  builder.environment().putAll(variables)
  def process = builder.start()
  def output = process.inputStream.text
  [process.waitFor(), output]
}
def (stepCode, stepOutput) = exec(['bash', '-e', '-c', script], env)
assert stepCode == 0 : stepOutput
def launcher = new File(githubPath.text.trim(), 'parity')
assert launcher.canExecute()

// what later steps see: GITHUB_ENV's variables, and Maven pointed at the samples' private repository
def later = new HashMap(env)
githubEnv.readLines().findAll { it.contains('=') }.each { later[it.substring(0, it.indexOf('='))] = it.substring(it.indexOf('=') + 1) }
assert later.PARITY_MVNW == new File(basedir, 'mvnw').path
assert later.PARITY_POM == new File(basedir, 'pom.xml').path
later.MAVEN_ARGS = '-s ' + new File(basedir, '../interpolated-settings.xml').canonicalPath + ' -Dmaven.repo.local=' +
    new File(basedir, '../../local-repo').canonicalPath + ' -o'

def (checkCode, checkOutput) = exec([launcher.path, 'check', '--spec', 'ShopSpec.java'], later)
assert checkCode == 0 : checkOutput
assert checkOutput =~ /deploy is up to date: \d+ files, as spec ShopSpec.java generates them\./

// an argument with a space and a quote arrives as one argument, and the CLI's exit code 2 is the launcher's
def (usageCode, usageOutput) = exec([launcher.path, 'diff', '--spec', 'ShopSpec.java', 'staging', "qa 'x'"], later)
assert usageCode == 2 : usageOutput
assert usageOutput.contains("qa 'x'") : usageOutput
return true
