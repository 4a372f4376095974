// The output types of the official Opsgenie provider's schema (`opsgenie:index/<Type>:<Type>`), as
// `@pulumi/opsgenie` declares them in `types/output.ts`. Names and types are checked against the schema by a test.
import * as outputs from "./output";

export interface IntegrationActionIgnore {
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: outputs.IntegrationActionIgnoreFilter[];
    /**
     * Name of the integration action.
     */
    name: string;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: number;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: string;
}

export interface IntegrationActionIgnoreFilter {
    conditions?: outputs.IntegrationActionIgnoreFilterCondition[];
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: string;
}

export interface IntegrationActionIgnoreFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: string;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: string;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: string;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: boolean;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: string;
    /**
     * Position of the condition in the filter's list.
     */
    order?: number;
}

export interface IntegrationActionCreate {
    alertActions?: string[];
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: string;
    appendAttachments?: boolean;
    /**
     * Custom alert priority. e.g. ``{{message.substring(0,2)}}``
     */
    customPriority?: string;
    /**
     * Detailed description of the alert, anything that may not have fit in the `message` field.
     */
    description?: string;
    /**
     * The entity the alert is related to.
     */
    entity?: string;
    /**
     * Set of user defined properties specified as a map.
     */
    extraProperties?: { [key: string]: string };
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: outputs.IntegrationActionCreateFilter[];
    ignoreAlertActionsFromPayload?: boolean;
    ignoreExtraPropertiesFromPayload?: boolean;
    /**
     * If enabled, the integration will ignore responders sent in request payloads.
     */
    ignoreRespondersFromPayload?: boolean;
    ignoreTagsFromPayload?: boolean;
    /**
     * If enabled, the integration will ignore teams sent in request payloads.
     */
    ignoreTeamsFromPayload?: boolean;
    /**
     * Alert text limited to 130 characters.
     */
    message?: string;
    /**
     * Name of the integration action.
     */
    name: string;
    /**
     * Additional alert action note.
     */
    note?: string;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: number;
    /**
     * Alert priority.
     */
    priority?: string;
    /**
     * User, schedule, teams or escalation names to calculate which users will receive notifications of the alert.
     */
    responders?: outputs.IntegrationActionCreateResponder[];
    /**
     * User defined field to specify source of action.
     */
    source?: string;
    /**
     * Comma separated list of labels to be attached to the alert.
     */
    tags?: string[];
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: string;
    /**
     * Owner of the execution for integration action.
     */
    user?: string;
}

export interface IntegrationActionCreateResponder {
    /**
     * The id of the responder.
     */
    id: string;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type: string;
}

export interface IntegrationActionCreateFilter {
    conditions?: outputs.IntegrationActionCreateFilterCondition[];
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: string;
}

export interface IntegrationActionCreateFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: string;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: string;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: string;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: boolean;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: string;
    /**
     * Position of the condition in the filter's list.
     */
    order?: number;
}

export interface IntegrationActionClose {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: string;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: outputs.IntegrationActionCloseFilter[];
    /**
     * Name of the integration action.
     */
    name: string;
    /**
     * Additional alert action note.
     */
    note?: string;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: number;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: string;
    /**
     * Owner of the execution for integration action.
     */
    user?: string;
}

export interface IntegrationActionCloseFilter {
    conditions?: outputs.IntegrationActionCloseFilterCondition[];
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: string;
}

export interface IntegrationActionCloseFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: string;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: string;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: string;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: boolean;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: string;
    /**
     * Position of the condition in the filter's list.
     */
    order?: number;
}

export interface IntegrationActionAddNote {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: string;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: outputs.IntegrationActionAddNoteFilter[];
    /**
     * Name of the integration action.
     */
    name: string;
    /**
     * Additional alert action note.
     */
    note?: string;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: number;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: string;
    /**
     * Owner of the execution for integration action.
     */
    user?: string;
}

export interface IntegrationActionAddNoteFilter {
    conditions?: outputs.IntegrationActionAddNoteFilterCondition[];
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: string;
}

export interface IntegrationActionAddNoteFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: string;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: string;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: string;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: boolean;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: string;
    /**
     * Position of the condition in the filter's list.
     */
    order?: number;
}

export interface IntegrationActionAcknowledge {
    /**
     * An identifier that is used for alert deduplication. Default: `{{alias}}`.
     */
    alias?: string;
    /**
     * Used to specify rules for matching alerts and the filter type. Please note that depending on the integration type the field names in the filter conditions are:
     * * For SNS integration: `actions`, `alias`, `entity`, `Message`, `recipients`, `responders`, `Subject`, `tags`, `teams`, `eventType`, `Timestamp`, `TopicArn`.
     * * For API integration: `message`, `alias`, `description`, `source`, `entity`, `tags`, `actions`, `details`, `extra-properties`, `recipients`, `teams`, `priority`, `eventType`.
     * * For Email integration: `fromAddress`, `fromName`, `conversationSubject`, `subject`
     */
    filters?: outputs.IntegrationActionAcknowledgeFilter[];
    /**
     * Name of the integration action.
     */
    name: string;
    /**
     * Additional alert action note.
     */
    note?: string;
    /**
     * Integer value that defines in which order the action will be performed. Default: `1`.
     */
    order?: number;
    /**
     * The responder type - can be `escalation`, `team` or `user`.
     */
    type?: string;
    /**
     * Owner of the execution for integration action.
     */
    user?: string;
}

export interface IntegrationActionAcknowledgeFilter {
    conditions?: outputs.IntegrationActionAcknowledgeFilterCondition[];
    /**
     * How the conditions combine: `match-all` (no conditions: every notification), `match-any-condition` or
     * `match-all-conditions`.
     */
    type: string;
}

export interface IntegrationActionAcknowledgeFilterCondition {
    /**
     * The value the field is compared with by `operation`. Default: empty.
     */
    expectedValue?: string;
    /**
     * The field of the incoming notification to test; for the Amazon SNS integration one of `Message`, `Subject`,
     * `TopicArn`, `Timestamp`, `alias`, `entity`, `tags`, `teams`, `recipients`, `responders`, `actions`, `eventType`.
     */
    field: string;
    /**
     * Key of a key-value field (`extra-properties`) to test.
     */
    key?: string;
    /**
     * Negates the operation. Default: `false`.
     */
    not?: boolean;
    /**
     * One of `matches`, `contains`, `starts-with`, `ends-with`, `equals`, `contains-key`, `contains-value`,
     * `greater-than`, `less-than`, `is-empty`, `equals-ignore-whitespace`.
     */
    operation: string;
    /**
     * Position of the condition in the filter's list.
     */
    order?: number;
}

export interface ApiIntegrationResponder {
    /**
     * The id of the responder.
     */
    id?: string;
    /**
     * The responder type.
     */
    type?: string;
}
