namespace Dataverse.Emulator.Metadata
{
    /// <summary>
    /// The built-in tables the product touches, with the columns it uses (platform-facts.md), their
    /// states, and the default relationship cascades (account → opportunity customer: parental;
    /// parentaccountid: RemoveLink on delete; child accounts: Cascade assign, RemoveLink delete).
    /// </summary>
    public static class BuiltInTables
    {
        /// <summary>Adds the built-in catalogue to <paramref name="m"/>.</summary>
        public static void AddTo(MetadataCatalog m)
        {
            AddPrincipalTablesTo(m);
            AddBusinessTablesTo(m);
        }

        /// <summary>Adds the tables every organization has: business units, users, teams, roles, user settings, shares, the organization.</summary>
        public static void AddPrincipalTablesTo(MetadataCatalog m)
        {
            m.Table("businessunit", t => t
                .OrganizationOwned()
                .PrimaryName("name", 160)
                .Lookup("parentbusinessunitid", "businessunit")
                .Bool("isdisabled"));

            m.Table("systemuser", t => t
                .OrganizationOwned()
                .PrimaryName("fullname", 200)
                .String("firstname", 64)
                .String("lastname", 64)
                .String("domainname", 1024)
                .String("internalemailaddress", 100)
                .Lookup("parentsystemuserid", "systemuser")
                .Lookup("businessunitid", "businessunit")
                .Bool("isdisabled")
                .Guid("azureactivedirectoryobjectid")
                .Integer("accessmode")
                .NoState());

            m.Table("team", t => t
                .OrganizationOwned()
                .PrimaryName("name", 160)
                .Lookup("businessunitid", "businessunit")
                .Lookup("administratorid", "systemuser")
                .Choice("teamtype", 0, 1, 2, 3)
                .Bool("isdefault")
                .String("description")
                .NoState());

            m.Table("role", t => t
                .OrganizationOwned()
                .PrimaryName("name", 100)
                .Lookup("businessunitid", "businessunit")
                .NoState());

            m.ManyToMany("teammembership_association", "teammembership", "team", "teamid", "systemuser", "systemuserid");
            m.ManyToMany("systemuserroles_association", "systemuserroles", "systemuser", "systemuserid", "role", "roleid");

            m.Table("usersettings", t => t
                .OrganizationOwned()
                .Integer("uilanguageid")
                .Integer("localeid")
                .Integer("timezonecode")
                .NoState(), primaryIdColumn: "systemuserid");

            m.Table("principalobjectaccess", t => t
                .OrganizationOwned()
                .NoState()
                .Guid("objectid")
                .String("objecttypecode", 100)
                .Guid("principalid")
                .String("principaltypecode", 100)
                .Integer("accessrightsmask"));

            // The organisation's settings: Dataverse always has exactly one row (seeded by the emulator).
            m.Table("organization", t => t
                .OrganizationOwned()
                .NoState()
                .PrimaryName("name", 160)
                .Integer("goalrollupexpirytime")
                .DateTime("fiscalcalendarstart"));
        }

        /// <summary>Adds the business tables: account, contact, opportunity, opportunityclose, goals, environment variables.</summary>
        public static void AddBusinessTablesTo(MetadataCatalog m)
        {

            m.Table("account", t => t
                .PrimaryName("name", 160)
                .String("accountnumber", 20)
                .Lookup("parentaccountid", "account", r => { r.Assign = CascadeType.Cascade; r.Delete = CascadeType.RemoveLink; r.Merge = CascadeType.Cascade; })
                .Lookup("primarycontactid", "contact")
                .Lookup("masterid", "account", r => { r.Assign = CascadeType.NoCascade; r.Delete = CascadeType.RemoveLink; r.Merge = CascadeType.NoCascade; })
                .Bool("merged")
                .Money("revenue")
                .Money("creditlimit")
                .Integer("numberofemployees")
                .String("telephone1", 50)
                .String("emailaddress1", 100)
                .String("address1_city", 80)
                .Memo("description", 2000)
                .Choice("customertypecode")
                .Choice("industrycode")
                .State(0, "Active", 1, 1)
                .State(1, "Inactive", 2, 2));
            m.RenameRelationship("account", "account", "parentaccountid", "account_parent_account");
            m.RenameRelationship("account", "account", "masterid", "account_master_account");

            m.Table("contact", t => t
                .PrimaryName("fullname", 160)
                .String("firstname", 50)
                .String("lastname", 50)
                .String("emailaddress1", 100)
                .String("telephone1", 50)
                .String("jobtitle", 100)
                .Customer("parentcustomerid", r => { r.Assign = CascadeType.Cascade; r.Delete = CascadeType.Cascade; r.Merge = CascadeType.Cascade; })
                .Lookup("masterid", "contact", r => { r.Assign = CascadeType.NoCascade; r.Delete = CascadeType.RemoveLink; r.Merge = CascadeType.NoCascade; })
                .Bool("merged")
                .Memo("description", 2000));
            m.RenameRelationship("account", "contact", "parentcustomerid", "contact_customer_accounts");
            m.RenameRelationship("contact", "contact", "parentcustomerid", "contact_customer_contacts");
            m.Cascade("contact", "parentcustomerid", "account", CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade);
            m.Cascade("contact", "parentcustomerid", "contact", CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade);

            m.Table("opportunity", t => t
                .PrimaryName("name", 300)
                .Customer("customerid")
                .Lookup("parentaccountid", "account")
                .Lookup("parentcontactid", "contact")
                .Money("estimatedvalue")
                .DateTime("estimatedclosedate")
                .Money("actualvalue")
                .DateTime("actualclosedate")
                .Integer("closeprobability")
                .Choice("opportunityratingcode", 1, 2, 3)
                .Memo("description", 2000)
                .States(
                    (0, "Open", 1, new[] { 1, 2 }),
                    (1, "Won", 3, new[] { 3 }),
                    (2, "Lost", 4, new[] { 4, 5 })));
            m.RenameRelationship("account", "opportunity", "customerid", "opportunity_customer_accounts");
            m.RenameRelationship("contact", "opportunity", "customerid", "opportunity_customer_contacts");
            m.RenameRelationship("account", "opportunity", "parentaccountid", "opportunity_parent_account");
            m.RenameRelationship("contact", "opportunity", "parentcontactid", "opportunity_parent_contact");
            m.Cascade("opportunity", "customerid", "account", CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade);
            m.Cascade("opportunity", "customerid", "contact", CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade);
            m.Cascade("opportunity", "parentaccountid", "account", CascadeType.NoCascade, CascadeType.RemoveLink, CascadeType.Cascade);
            m.Cascade("opportunity", "parentcontactid", "contact", CascadeType.NoCascade, CascadeType.RemoveLink, CascadeType.Cascade);

            m.Table("opportunityclose", t => t
                .PrimaryName("subject", 200)
                .Lookup("opportunityid", "opportunity", r => { r.Assign = CascadeType.Cascade; r.Delete = CascadeType.Cascade; r.Merge = CascadeType.NoCascade; })
                .Money("actualrevenue")
                .DateTime("actualend")
                .DateTime("actualstart")
                .Memo("description", 2000)
                .String("competitorid")
                .States(
                    (0, "Open", 1, new[] { 1 }),
                    (1, "Completed", 2, new[] { 2 }),
                    (2, "Canceled", 3, new[] { 3 })), primaryIdColumn: "activityid");
            m.RenameRelationship("opportunity", "opportunityclose", "opportunityid", "Opportunity_OpportunityClose");

            m.Table("metric", t => t
                .OrganizationOwned()
                .PrimaryName("name", 100)
                .Bool("isamount")
                .Choice("amountdatatype", 0, 1, 2)
                .Bool("isstretchtracked")
                .Memo("description", 2000)
                .States((0, "Active", 0, new[] { 0 }), (1, "Inactive", 1, new[] { 1 })));

            m.Table("rollupfield", t => t
                .OrganizationOwned()
                .Lookup("metricid", "metric", r => { r.Delete = CascadeType.Cascade; })
                .String("goalattribute", 100)
                .String("sourceentity", 100)
                .String("sourceattribute", 100)
                .String("dateattribute", 100)
                .String("entityfordateattribute", 100)
                .Integer("sourcestate")
                .Integer("sourcestatus")
                .Bool("isstateparententityattribute")
                .String("statusofparententity")
                .States((0, "Active", 0, new[] { 0 }), (1, "Inactive", 1, new[] { 1 })));

            m.Table("goalrollupquery", t => t
                .PrimaryName("name", 100)
                .Memo("fetchxml", 1048576)
                .Integer("queryentitytype")
                .States((0, "Active", 1, new[] { 1 }), (1, "Inactive", 2, new[] { 2 })));

            m.Table("goal", t =>
            {
                t.PrimaryName("title", 100)
                 .OwnerLookup("goalownerid")
                 .Lookup("parentgoalid", "goal")
                 .Lookup("metricid", "metric", r => { r.Delete = CascadeType.Restrict; })
                 .DateTime("goalstartdate")
                 .DateTime("goalenddate")
                 .Choice("fiscalperiod")
                 .Choice("fiscalyear")
                 .Bool("isfiscalperiodgoal")
                 .Bool("rolluponlyfromchildgoals", false)
                 .Bool("consideronlygoalownersrecords", true)
                 .Bool("isoverride")
                 .Bool("isoverridden")
                 .Bool("isamount")
                 .Choice("amountdatatype", 0, 1, 2)
                 .Decimal("percentage")
                 .Decimal("computedtargetasoftodaypercentageachieved")
                 .DateTime("lastrolledupdate")
                 .Guid("treeid")
                 .Integer("depth")
                 .Lookup("goalwitherrorid", "goal")
                 .Integer("rolluperrorcode");
                foreach (var prefix in new[] { "target", "stretchtarget", "actual", "inprogress", "customrollupfield", "computedtargetasoftoday" })
                {
                    t.Money(prefix + "money").Decimal(prefix + "decimal").Integer(prefix + "integer");
                }

                foreach (var bucket in new[] { "actual", "inprogress", "custom" })
                {
                    foreach (var type in new[] { "money", "decimal", "integer" })
                    {
                        t.Lookup("rollupquery" + bucket + type + "id", "goalrollupquery");
                    }
                }

                t.States((0, "Active", 0, new[] { 0 }), (1, "Inactive", 1, new[] { 1, 2 }));
            });

            m.Table("environmentvariabledefinition", t => t
                .PrimaryName("schemaname", 100)
                .String("displayname", 100)
                .Memo("defaultvalue", 2000)
                .Choice("type", 100000000, 100000001, 100000002, 100000003, 100000004, 100000005)
                .Memo("description", 2000));

            m.Table("environmentvariablevalue", t => t
                .PrimaryName("schemaname", 100)
                .Lookup("environmentvariabledefinitionid", "environmentvariabledefinition", r => { r.Delete = CascadeType.Cascade; })
                .Memo("value", 2000));

        }

        private static void Cascade(this MetadataCatalog m, string table, string column, string referenced, CascadeType assign, CascadeType delete, CascadeType merge) =>
            m.Table(table, t => t.Cascade(column, referenced, assign, delete, merge));
    }
}
