${header}
# Read by BuildKit for this Dockerfile: the image needs only the jar.
*
!${jarIgnore}
