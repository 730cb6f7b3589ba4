#!/bin/sh
# The pull-request half of castform in CI: plan against the team's state, save the plan for the
# merge, and write it as Markdown for the pull-request comment. Both CI recipes in this folder
# call it (and castform's own tests run it), so what they do is what is tested.
#
#   castform-plan.sh [WORKSPACE]     writes review.plan and plan.md in the current directory
#
# Exit status: 0 (no changes or changes: both are a successful plan), 1 (an error: invalid
# manifests, a missing secret or credential, a service that failed). Never prompts.
set -eu
workspace=${1:-.}
status=0
castform plan "$workspace" -out review.plan --markdown --input=false --detailed-exitcode > plan.md || status=$?
case $status in
  0) echo "castform: no changes; review.plan saved" ;;
  2) echo "castform: the plan has changes; review.plan saved for the merge" ;;
  *) exit "$status" ;;
esac
