// CastformPlanning: from manifests and state to a Plan.
//
// Refresh reads what exists through the providers' batched reads (Refresh/), the graph orders
// the work (Graph/), expressions are evaluated against what is known, each resource's desired
// values are compared with its prior ones (Diff/), and the result is a Plan: data, with a
// versioned JSON document form (Plan/). This module never prints and never changes anything
// remote; it sees services only through the `Provider` protocol.
