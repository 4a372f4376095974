// The input types of the official Opsgenie provider's schema (`opsgenie:index/<Type>:<Type>`), as
// `@pulumi/opsgenie` declares them in `types/input.ts`. Names and types are checked against the schema by a test.
import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./input";

export interface IntegrationActionIgnore {
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: pulumi.Input<pulumi.Input<inputs.IntegrationActionIgnoreFilter>[]>;
    /**
     * Name of the integration action.
     */
    name: pulumi.Input<string>;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: pulumi.Input<number>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: pulumi.Input<string>;
}

export interface IntegrationActionIgnoreFilter {
    conditions?: pulumi.Input<pulumi.Input<inputs.IntegrationActionIgnoreFilterCondition>[]>;
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionIgnoreFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: pulumi.Input<string>;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: pulumi.Input<string>;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: pulumi.Input<string>;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: pulumi.Input<boolean>;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: pulumi.Input<string>;
    /**
     * Position of the condition in the filter's list.
     */
    order?: pulumi.Input<number>;
}

export interface IntegrationActionCreate {
    alertActions?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: pulumi.Input<string>;
    appendAttachments?: pulumi.Input<boolean>;
    /**
     * Custom alert priority. e.g. ``{{message.substring(0,2)}}``
     */
    customPriority?: pulumi.Input<string>;
    /**
     * Detailed description of the alert, anything that may not have fit in the `message` field.
     */
    description?: pulumi.Input<string>;
    /**
     * The entity the alert is related to.
     */
    entity?: pulumi.Input<string>;
    /**
     * Set of user defined properties specified as a map.
     */
    extraProperties?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCreateFilter>[]>;
    ignoreAlertActionsFromPayload?: pulumi.Input<boolean>;
    ignoreExtraPropertiesFromPayload?: pulumi.Input<boolean>;
    /**
     * If enabled, the integration will ignore responders sent in request payloads.
     */
    ignoreRespondersFromPayload?: pulumi.Input<boolean>;
    ignoreTagsFromPayload?: pulumi.Input<boolean>;
    /**
     * If enabled, the integration will ignore teams sent in request payloads.
     */
    ignoreTeamsFromPayload?: pulumi.Input<boolean>;
    /**
     * Alert text limited to 130 characters.
     */
    message?: pulumi.Input<string>;
    /**
     * Name of the integration action.
     */
    name: pulumi.Input<string>;
    /**
     * Additional alert action note.
     */
    note?: pulumi.Input<string>;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: pulumi.Input<number>;
    /**
     * Alert priority.
     */
    priority?: pulumi.Input<string>;
    /**
     * User, schedule, teams or escalation names to calculate which users will receive notifications of the alert.
     */
    responders?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCreateResponder>[]>;
    /**
     * User defined field to specify source of action.
     */
    source?: pulumi.Input<string>;
    /**
     * Comma separated list of labels to be attached to the alert.
     */
    tags?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: pulumi.Input<string>;
    /**
     * Owner of the execution for integration action.
     */
    user?: pulumi.Input<string>;
}

export interface IntegrationActionCreateResponder {
    /**
     * The id of the responder.
     */
    id: pulumi.Input<string>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionCreateFilter {
    conditions?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCreateFilterCondition>[]>;
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionCreateFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: pulumi.Input<string>;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: pulumi.Input<string>;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: pulumi.Input<string>;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: pulumi.Input<boolean>;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: pulumi.Input<string>;
    /**
     * Position of the condition in the filter's list.
     */
    order?: pulumi.Input<number>;
}

export interface IntegrationActionClose {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: pulumi.Input<string>;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCloseFilter>[]>;
    /**
     * Name of the integration action.
     */
    name: pulumi.Input<string>;
    /**
     * Additional alert action note.
     */
    note?: pulumi.Input<string>;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: pulumi.Input<number>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: pulumi.Input<string>;
    /**
     * Owner of the execution for integration action.
     */
    user?: pulumi.Input<string>;
}

export interface IntegrationActionCloseFilter {
    conditions?: pulumi.Input<pulumi.Input<inputs.IntegrationActionCloseFilterCondition>[]>;
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionCloseFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: pulumi.Input<string>;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: pulumi.Input<string>;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: pulumi.Input<string>;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: pulumi.Input<boolean>;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: pulumi.Input<string>;
    /**
     * Position of the condition in the filter's list.
     */
    order?: pulumi.Input<number>;
}

export interface IntegrationActionAddNote {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: pulumi.Input<string>;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAddNoteFilter>[]>;
    /**
     * Name of the integration action.
     */
    name: pulumi.Input<string>;
    /**
     * Additional alert action note.
     */
    note?: pulumi.Input<string>;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: pulumi.Input<number>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: pulumi.Input<string>;
    /**
     * Owner of the execution for integration action.
     */
    user?: pulumi.Input<string>;
}

export interface IntegrationActionAddNoteFilter {
    conditions?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAddNoteFilterCondition>[]>;
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionAddNoteFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: pulumi.Input<string>;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: pulumi.Input<string>;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: pulumi.Input<string>;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: pulumi.Input<boolean>;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: pulumi.Input<string>;
    /**
     * Position of the condition in the filter's list.
     */
    order?: pulumi.Input<number>;
}

export interface IntegrationActionAcknowledge {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: pulumi.Input<string>;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAcknowledgeFilter>[]>;
    /**
     * Name of the integration action.
     */
    name: pulumi.Input<string>;
    /**
     * Additional alert action note.
     */
    note?: pulumi.Input<string>;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: pulumi.Input<number>;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: pulumi.Input<string>;
    /**
     * Owner of the execution for integration action.
     */
    user?: pulumi.Input<string>;
}

export interface IntegrationActionAcknowledgeFilter {
    conditions?: pulumi.Input<pulumi.Input<inputs.IntegrationActionAcknowledgeFilterCondition>[]>;
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: pulumi.Input<string>;
}

export interface IntegrationActionAcknowledgeFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: pulumi.Input<string>;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: pulumi.Input<string>;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: pulumi.Input<string>;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: pulumi.Input<boolean>;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: pulumi.Input<string>;
    /**
     * Position of the condition in the filter's list.
     */
    order?: pulumi.Input<number>;
}

export interface ApiIntegrationResponder {
    /**
     * The id of the responder.
     */
    id?: pulumi.Input<string>;
    /**
     * The responder type.
     */
    type?: pulumi.Input<string>;
}
