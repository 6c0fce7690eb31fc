// Each mistake names the pom element to change, what is wrong with its value, and what to set instead;
// nothing was started.
def log = new File(basedir, 'build.log').text
assert log.contains("<configuration><spec>: class 'com.acme.Missing' is not among the project's classes")
assert log.contains("<configuration><environment>: 'qa' is not an environment of stack 'cache'; set one of: local")
assert log =~ /<configuration><spec>: class 'com.acme.CacheSpec' has no source file com\/acme\/CacheSpec.java under .*spec-elsewhere.src.main.java, .*; relative paths in a spec start from the folder of its source file/
assert !log.contains('Starting stack')
return true
