${header}
# Read by BuildKit for this Dockerfile: the build needs mvnw, .mvn/, pom.xml and src/ only.
.git
target
**/target
.idea
*.iml
.vscode
.env
.env.*
