#!/usr/bin/env bash
# Posts a cost comment on a pull request, or updates the one an earlier run posted (found by its marker),
# with the GitHub CLI (gh). Used by action.yml; runs anywhere gh is authenticated (GH_TOKEN).
#
#   ci/pr-comment.sh COMMENT_FILE PR_NUMBER [REPOSITORY]
#
# REPOSITORY is owner/name (default: $GITHUB_REPOSITORY). The comment file starts with the marker
# compute-cost diff --format github-comment writes.
set -euo pipefail
file="${1:?usage: pr-comment.sh COMMENT_FILE PR_NUMBER [REPOSITORY]}"
pr="${2:?usage: pr-comment.sh COMMENT_FILE PR_NUMBER [REPOSITORY]}"
repo="${3:-${GITHUB_REPOSITORY:?give REPOSITORY or set GITHUB_REPOSITORY}}"
marker='<!-- compute-cost diff -->'
if ! head -n 1 "$file" | grep -qF "$marker"; then
  echo "pr-comment.sh: $file does not start with $marker (write it with diff --format github-comment)" >&2
  exit 2
fi
# The id of our earlier comment, if there is one: the first whose body starts with the marker.
existing="$(gh api "repos/$repo/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$repo/issues/comments/$existing" -F "body=@$file" > /dev/null
  echo "updated comment $existing on #$pr"
else
  gh pr comment "$pr" --repo "$repo" --body-file "$file" > /dev/null
  echo "commented on #$pr"
fi
