// CastformExecution: carries out a plan. It walks the changes in dependency order with bounded
// parallelism, evaluates each resource's values as late as possible (so an id created a moment
// ago flows into the resource that references it), records state after every completed
// operation, and reports everything to an `ExecutionObserver`. It never prints.
