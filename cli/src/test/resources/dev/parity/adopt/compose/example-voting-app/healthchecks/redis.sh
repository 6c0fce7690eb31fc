#!/bin/sh
# Stand-in written for this fixture.
redis-cli ping
