/*
 * The CloudTrail table as Athena's documentation creates it: "Create the table for CloudTrail logs
 * in Athena using partition projection", Amazon Athena User Guide
 * (https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html),
 * the same columns as the table the CloudTrail console's "Create Athena table" generates ("Querying
 * AWS CloudTrail logs", https://docs.aws.amazon.com/athena/latest/ug/cloudtrail-logs.html).
 *
 * What matters to the translation:
 * - Hive column and struct field names are lower case and matched without regard to case, so a
 *   column is found here only by the record field's exact CloudTrail spelling ("CloudTrail record
 *   contents", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
 *   `$.useridentity.type` finds nothing in a CloudTrail record, and a query must not pretend otherwise.
 * - `requestparameters`, `responseelements`, `additionaleventdata` and `serviceeventdetails` are
 *   STRING columns holding the field's JSON text: selectors below them are JSON paths.
 * - Everything else is a STRING (or a STRUCT of STRINGs): the JSON type of the value is lost, so
 *   only what CloudTrail documents about the field (a string, or readOnly's boolean) lets a test
 *   such as IS TRUE be translated; where that is not enough the translation is refused.
 */

/** What one record field is in the table. */
export type CloudTrailColumn =
    /** A STRING holding a JSON string (CloudTrail documents the field as a string). */
    | { readonly kind: "string"; readonly column: string }
    /** A STRING holding `true`/`false`: the field is a JSON boolean in the record. */
    | { readonly kind: "boolean"; readonly column: string }
    /** A STRING holding the field's JSON text. */
    | { readonly kind: "json"; readonly column: string }
    /** A STRUCT; `fields` keyed by the record's spelling. */
    | { readonly kind: "struct"; readonly column: string; readonly fields: Readonly<Record<string, CloudTrailColumn>> }
    /** A column the translation does not descend into (arrays of structs, maps). */
    | { readonly kind: "unsupported"; readonly column: string; readonly why: string };

const s = (column: string): CloudTrailColumn => ({ kind: "string", column });
const struct = (column: string, fields: Record<string, CloudTrailColumn>): CloudTrailColumn => ({
    kind: "struct",
    column,
    fields,
});

/** The table's columns, keyed by the CloudTrail record field they hold. */
export const CLOUDTRAIL_TABLE_COLUMNS: Readonly<Record<string, CloudTrailColumn>> = {
    eventVersion: s("eventversion"),
    userIdentity: struct("useridentity", {
        type: s("type"),
        principalId: s("principalid"),
        arn: s("arn"),
        accountId: s("accountid"),
        invokedBy: s("invokedby"),
        accessKeyId: s("accesskeyid"),
        userName: s("username"),
        onBehalfOf: struct("onbehalfof", { userId: s("userid"), identityStoreArn: s("identitystorearn") }),
        sessionContext: struct("sessioncontext", {
            attributes: struct("attributes", {
                mfaAuthenticated: s("mfaauthenticated"),
                creationDate: s("creationdate"),
            }),
            sessionIssuer: struct("sessionissuer", {
                type: s("type"),
                principalId: s("principalid"),
                arn: s("arn"),
                accountId: s("accountid"),
                userName: s("username"),
            }),
            ec2RoleDelivery: s("ec2roledelivery"),
            webIdFederationData: {
                kind: "unsupported",
                column: "webidfederationdata",
                why: "its attributes are a MAP in the table",
            },
        }),
    }),
    eventTime: s("eventtime"),
    eventSource: s("eventsource"),
    eventName: s("eventname"),
    awsRegion: s("awsregion"),
    sourceIPAddress: s("sourceipaddress"),
    userAgent: s("useragent"),
    errorCode: s("errorcode"),
    errorMessage: s("errormessage"),
    requestParameters: { kind: "json", column: "requestparameters" },
    responseElements: { kind: "json", column: "responseelements" },
    additionalEventData: { kind: "json", column: "additionaleventdata" },
    requestID: s("requestid"),
    eventID: s("eventid"),
    readOnly: { kind: "boolean", column: "readonly" },
    resources: { kind: "unsupported", column: "resources", why: "it is an ARRAY of STRUCTs in the table" },
    eventType: s("eventtype"),
    apiVersion: s("apiversion"),
    recipientAccountId: s("recipientaccountid"),
    serviceEventDetails: { kind: "json", column: "serviceeventdetails" },
    sharedEventID: s("sharedeventid"),
    vpcEndpointId: s("vpcendpointid"),
    eventCategory: s("eventcategory"),
    tlsDetails: struct("tlsdetails", {
        tlsVersion: s("tlsversion"),
        cipherSuite: s("ciphersuite"),
        clientProvidedHostHeader: s("clientprovidedhostheader"),
    }),
};

/**
 * The table's partition column (projection type `date`, format `yyyy/MM/dd`, one partition per day
 * of the S3 prefix `.../CloudTrail/<region>/YYYY/MM/DD/`), from the same page.
 */
export const CLOUDTRAIL_PARTITION_COLUMN = "timestamp";
