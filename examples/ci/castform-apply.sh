#!/bin/sh
# The merge half of castform in CI: apply exactly the plan the pull request showed. castform
# refuses a plan that is stale (the state changed since: another merge applied first), made
# for other manifests or secrets, or made in the sandbox: then re-run the pull request's plan
# and merge again. Never prompts.
#
#   castform-apply.sh [WORKSPACE]    applies review.plan from the current directory
set -eu
workspace=${1:-.}
castform apply "$workspace" review.plan --input=false --lock-timeout=5m
