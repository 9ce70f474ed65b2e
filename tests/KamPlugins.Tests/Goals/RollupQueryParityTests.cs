using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals
{
    /// <summary>
    /// "Never wrong": whatever the engine decides about a rollup query condition in memory is what the
    /// platform's query decides for the same record (here: the emulator's query engine, which reproduces
    /// Dataverse's SQL semantics).
    /// </summary>
    public class RollupQueryParityTests
    {
        private static readonly string[] Columns =
        {
            OpportunityTable.Name, OpportunityTable.EstimatedValue, OpportunityTable.CloseProbability, "opportunityratingcode",
            "description", OpportunityTable.EstimatedCloseDate, CommonColumns.OwnerId, CommonColumns.StateCode,
        };

        private static readonly string[] Conditions =
        {
            "estimatedvalue|eq|1500", "estimatedvalue|ne|1500", "estimatedvalue|neq|10", "estimatedvalue|gt|1000", "estimatedvalue|ge|1500",
            "estimatedvalue|lt|1500", "estimatedvalue|le|0", "estimatedvalue|null|", "estimatedvalue|not-null|",
            "closeprobability|gt|50", "closeprobability|eq|0", "closeprobability|ne|70", "closeprobability|between|10,80", "closeprobability|not-between|10,80",
            "closeprobability|in|10,70", "closeprobability|not-in|10,70",
            "opportunityratingcode|eq|2", "opportunityratingcode|ne|2", "opportunityratingcode|in|1,3", "opportunityratingcode|not-in|1,3",
            "name|eq|contoso renewal", "name|ne|Contoso renewal", "name|like|%RENEW%", "name|like|c_ntoso%", "name|not-like|%fab%",
            "name|begins-with|fab", "name|not-begin-with|fab", "name|ends-with|renewal", "name|not-end-with|renewal", "name|in|Fabrikam,Contoso renewal",
            "description|null|", "description|not-null|", "description|eq|x", "description|ne|x", "description|not-like|%x%",
            "statecode|eq|0", "statecode|ne|0",
        };

        [Test]
        public void InMemoryDecisions_Should_AgreeWithThePlatformsQuery()
        {
            var w = new GoalWorld();
            var records = new[]
            {
                Opportunity("Contoso renewal", 1500m, 70, 2, null),
                Opportunity("Fabrikam", 0m, 10, 1, "x"),
                Opportunity("fabrikam renewal", null, null, null, "y"),
                Opportunity("Northwind", 20m, 0, 3, ""),
            }.Select(w.Org.Seed).ToList();
            var decided = 0;
            Assert.Multiple(() =>
            {
                foreach (var text in Conditions)
                {
                    var parts = text.Split('|');
                    var values = parts[2].Length == 0 ? string.Empty
                        : parts[2].Contains(',') ? string.Concat(parts[2].Split(',').Select(v => $"<value>{v}</value>")) : null;
                    var condition = values == null
                        ? $"<condition attribute='{parts[0]}' operator='{parts[1]}' value='{parts[2]}'/>"
                        : $"<condition attribute='{parts[0]}' operator='{parts[1]}'>{values}</condition>";
                    var fetchXml = $"<fetch><entity name='opportunity'><attribute name='opportunityid'/><filter>{condition}</filter></entity></fetch>";
                    var platform = new HashSet<Guid>(w.Org.AdminService.RetrieveMultiple(new FetchExpression(fetchXml)).Entities.Select(e => e.Id));
                    var query = RollupQuery.Parse(Guid.NewGuid(), fetchXml);
                    foreach (var id in records)
                    {
                        var row = w.Org.AdminService.Retrieve(OpportunityTable.LogicalName, id, new ColumnSet(Columns));
                        var outcome = query.Evaluate(new SourceRecord(OpportunityTable.LogicalName, id, Columns, row.Attributes));
                        if (outcome == FilterOutcome.Unknown) continue;
                        decided++;
                        Assert.That(outcome == FilterOutcome.Match, Is.EqualTo(platform.Contains(id)), $"{text} on {row.GetAttributeValue<string>(OpportunityTable.Name)}");
                    }
                }
            });
            Assert.That(decided, Is.GreaterThan(Conditions.Length * 3), "most conditions are decided in memory");
        }

        private static Entity Opportunity(string name, decimal? estimated, int? probability, int? rating, string description)
        {
            var row = new Entity(OpportunityTable.LogicalName) { [OpportunityTable.Name] = name, [OpportunityTable.EstimatedCloseDate] = Q2Start };
            if (estimated.HasValue) row[OpportunityTable.EstimatedValue] = new Money(estimated.Value);
            if (probability.HasValue) row[OpportunityTable.CloseProbability] = probability.Value;
            if (rating.HasValue) row["opportunityratingcode"] = new OptionSetValue(rating.Value);
            if (description != null) row["description"] = description;
            return row;
        }
    }
}
