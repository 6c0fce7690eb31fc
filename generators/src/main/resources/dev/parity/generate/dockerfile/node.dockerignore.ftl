${header}
# Read by BuildKit for this Dockerfile: keeps local artifacts out of the build context.
.git
node_modules
npm-debug.log*
.env
.env.*
