namespace KamPlugins.Goals.RollupQueries
{
    /// <summary>
    /// What evaluating a rollup query's conditions on a record in memory tells: it matches, it does
    /// not, or the engine cannot tell (an operator, value type or join it does not evaluate) — then
    /// the platform is asked instead.
    /// </summary>
    internal enum FilterOutcome
    {
        /// <summary>The record meets the conditions.</summary>
        Match,
        /// <summary>The record does not meet them.</summary>
        NoMatch,
        /// <summary>Cannot be decided in memory: ask the platform with a query.</summary>
        Unknown,
    }
}
