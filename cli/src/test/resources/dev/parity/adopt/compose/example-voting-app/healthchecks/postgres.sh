#!/bin/sh
# Stand-in written for this fixture.
pg_isready -h 127.0.0.1
