import { CatalogueRule } from "./alertRule";

// The CIS AWS Foundations Benchmark monitoring recommendations, as AWS Security Hub checks them (controls
// CloudWatch.1 to CloudWatch.14). Security Hub passes a control only when a metric filter carries the exact pattern
// it publishes, so the patterns below are VERBATIM copies of
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html (a test compares them with the
// reference corpus). Never edit one: put a customisation (office IPs, noise exclusions) in a separate rule.
//
// Security Hub has no control for AWS Organizations changes; that rule follows CIS v3.0.0 recommendation 4.15 verbatim.

/** The CIS / Security Hub monitoring rules, keyed by rule id. */
export const cisRules = {
    "cis-cloudwatch-1-root-usage": {
        title: "Root user activity",
        control: "Security Hub CloudWatch.1 (CIS 1.4.0 4.3)",
        severity: "P1",
        pattern:
            '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
        rationale:
            "The root user cannot be restricted by IAM policies and should only be used for the few tasks that need it. Any root activity is either one of those rare tasks or a compromised account: confirm with the account owner at once.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-without-mfa.json",
                "corpus:aws-docs-cloudtrail-ug-2023__EnableMFADevice__root-user-mfa-changed.json",
                "sample:console-login-root-no-mfa.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                // Root actions that CloudTrail marks as invoked by the console sign-in service are not counted by
                // the CIS pattern (invokedBy exists); the team rule console-login-root still sees the sign-in itself.
                "corpus:panther__CreateAccessKey__root-access-key-created-root-access-key.json",
                "corpus:aws-docs-kms-dg-2023__DeleteKey__deletekey.json",
            ],
        },
    },
    "cis-cloudwatch-2-unauthorized-api-calls": {
        title: "Unauthorized API calls",
        control: "Security Hub CloudWatch.2 (CIS 1.2.0 3.1)",
        severity: "P4",
        pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
        rationale:
            "Calls refused for lack of permission can be an attacker probing what stolen credentials allow, or an application that lost a permission. This is the verbatim CIS pattern, which also counts benign noise; the team rule unauthorized-operations filters the known noise.",
        examples: {
            matches: [
                "corpus:flaws2__CreateLogStream__record0.json",
                "corpus:panther__GetRole__iam-user-recon-denied-unauthorized-api-c.json",
                "corpus:panther__DescribeInstanceAttribute__ec2-download-instance-user-data-unsucces.json",
                "sample:ec2-describe-instances-unauthorized.json",
                "sample:s3-head-bucket-access-denied.json",
            ],
            ignores: [
                "corpus:panther__CreateServiceLinkedRole__unauthorized-api-call-authorized-api-cal.json",
                "corpus:aws-docs-cloudtrail-ug-2023__UpdateTrail__error-code-and-message-log-example.json",
                "corpus:flaws2__GetObject__record1.json",
            ],
        },
    },
    "cis-cloudwatch-3-console-login-without-mfa": {
        title: "Console sign-in without MFA",
        control: "Security Hub CloudWatch.3 (CIS 1.2.0 3.2)",
        severity: "P2",
        pattern:
            '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
        rationale:
            "An IAM user signed in to the console with a password alone. A leaked or guessed password is then enough to take over the user; require MFA for the user and check that the sign-in was expected.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                "corpus:panther__ConsoleLogin__console-login-without-mfa-no-mfa-login-i.json",
                "sample:console-login-iam-user-no-mfa-remote.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-with-mfa.json",
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-successful-sign-in-without-mfa.json",
                "corpus:panther__ConsoleLogin__console-login-without-mfa-no-mfa-login-f.json",
                "corpus:panther__ConsoleLogin__console-login-without-mfa-aws-ssov2-logi.json",
                "sample:console-login-root-no-mfa.json",
            ],
        },
    },
    "cis-cloudwatch-4-iam-policy-changes": {
        title: "IAM policy changed",
        control: "Security Hub CloudWatch.4 (CIS 1.4.0 4.4)",
        severity: "P3",
        pattern:
            "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
        rationale:
            "A policy was created, changed, attached or detached. Escalating privileges (attaching AdministratorAccess to oneself) or removing a guardrail looks exactly like this; check who made the change and that it went through review.",
        examples: {
            matches: [
                "corpus:panther__DeleteGroupPolicy__iam-policy-modified-iam-policy-change.json",
                "corpus:panther__AttachRolePolicy__iam-attach-admin-role-policy-iam-role-po.json",
                "corpus:panther__AttachUserPolicy__iam-attach-admin-user-policy-iam-user-po.json",
                "sample:iam-attach-user-policy.json",
            ],
            ignores: [
                "corpus:aws-docs-iam-ug-2023__GetUserPolicy__example-iam-api-event-in-cloudtrail-log.json",
                "corpus:panther__DescribeTable__iam-policy-modified-not-iam-policy-chang.json",
                "sample:iam-create-user.json",
            ],
        },
    },
    "cis-cloudwatch-5-cloudtrail-changes": {
        title: "CloudTrail configuration changed",
        control: "Security Hub CloudWatch.5 (CIS 1.4.0 4.5)",
        severity: "P1",
        pattern:
            "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
        rationale:
            "Stopping, deleting or redirecting a trail blinds every other alert in this list; it is one of the first things an intruder does. Confirm the change at once and restart logging if it was not planned.",
        examples: {
            matches: [
                "corpus:panther__StopLogging__cloudtrail-stopped-cloudtrail-was-stoppe.json",
                "corpus:panther__DeleteTrail__security-configuration-change-security-c.json",
                "corpus:panther__CreateTrail__cloudtrail-created-cloudtrail-was-create.json",
                "corpus:aws-docs-cloudtrail-ug-2023__StartLogging__cloudtrail-log-event-reference.json",
                "sample:cloudtrail-stop-logging.json",
            ],
            ignores: [
                "corpus:panther__DeleteRule__security-configuration-change-security-c.json",
                "corpus:panther__DeleteDeliveryChannel__config-service-disabled-deleted-config-r.json",
            ],
        },
    },
    "cis-cloudwatch-6-console-auth-failures": {
        title: "Console authentication failures",
        control: "Security Hub CloudWatch.6 (CIS 1.4.0 4.6)",
        severity: "P3",
        pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
        rationale:
            "Wrong passwords at the console sign-in page. Repeated failures suggest password guessing against a known user name. This verbatim CIS pattern only counts failures reported as Failed authentication; the team rule console-login-failed counts every failed sign-in.",
        examples: {
            matches: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-unsuccessful-sign-in.json",
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__root-user-unsuccessful-sign-in.json",
                "sample:console-login-failed-office-ipv6.json",
            ],
            ignores: [
                "corpus:aws-docs-cloudtrail-ug-2023__ConsoleLogin__iam-user-successful-sign-in-without-mfa.json",
                // A failure without errorMessage (Panther's test event) and a failure for an unknown user name:
                // the CIS pattern misses both.
                "corpus:panther__ConsoleLogin__console-root-login-failed-failed-root-lo.json",
                "corpus:aws-docs-iam-ug-2023__ConsoleLogin__example-sign-in-failure-event-caused-by.json",
            ],
        },
    },
    "cis-cloudwatch-7-kms-key-disabled-or-deleted": {
        title: "KMS key disabled or scheduled for deletion",
        control: "Security Hub CloudWatch.7 (CIS 1.4.0 4.7)",
        severity: "P2",
        pattern:
            "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
        rationale:
            "Data encrypted under a customer-managed key becomes unreadable for good once the key is deleted; disabling it breaks every service that uses it. Check the key and cancel the deletion (CancelKeyDeletion) while the waiting period runs.",
        examples: {
            matches: [
                "corpus:aws-docs-kms-dg-2023__DisableKey__disablekey.json",
                "corpus:aws-docs-kms-dg-2023__ScheduleKeyDeletion__schedulekeydeletion.json",
                "corpus:panther__ScheduleKeyDeletion__kms-cmk-loss-kms-key-scheduled-for-delet.json",
                "sample:kms-schedule-key-deletion.json",
            ],
            ignores: [
                "corpus:aws-docs-kms-dg-2023__EnableKey__enablekey.json",
                "corpus:aws-docs-kms-dg-2023__CancelKeyDeletion__cancelkeydeletion.json",
                "corpus:aws-docs-kms-dg-2023__DisableKeyRotation__disablekeyrotation.json",
                "corpus:panther__Decrypt__kms-cmk-loss-kms-key-non-deletion-event.json",
            ],
        },
    },
    "cis-cloudwatch-8-s3-bucket-policy-changes": {
        title: "S3 bucket policy or ACL changed",
        control: "Security Hub CloudWatch.8 (CIS 1.4.0 4.8)",
        severity: "P3",
        pattern:
            "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
        rationale:
            "A bucket policy, ACL, CORS, lifecycle or replication change can make data public, copy it to another account or delete it on a schedule. Check the new policy for public or foreign principals.",
        examples: {
            matches: [
                "corpus:panther__PutBucketAcl__s3-bucket-policy-modified-s3-bucket-poli.json",
                "corpus:panther__PutBucketPolicy__resource-made-public-s3-made-publicly-ac.json",
                "sample:s3-put-bucket-policy.json",
            ],
            ignores: [
                "corpus:panther__GetBucketPolicy__s3-bucket-policy-modified-s3-bucket-poli.json",
                "corpus:aws-docs-iam-ug-2023__DeleteBucket__example-aws-service-aws-sts-api-event-in.json",
            ],
        },
    },
    "cis-cloudwatch-9-config-changes": {
        title: "AWS Config recording changed",
        control: "Security Hub CloudWatch.9 (CIS 1.4.0 4.9)",
        severity: "P2",
        pattern:
            "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
        rationale:
            "Stopping the configuration recorder or changing its delivery hides resource changes from Config rules and from Security Hub. Make sure recording is back on.",
        examples: {
            matches: [
                "corpus:panther__DeleteDeliveryChannel__config-service-disabled-deleted-config-r.json",
                "sample:config-stop-configuration-recorder.json",
            ],
            ignores: [
                "corpus:panther__DeleteRule__security-configuration-change-security-c.json",
                "sample:cloudtrail-stop-logging.json",
            ],
        },
    },
    "cis-cloudwatch-10-security-group-changes": {
        title: "Security group changed",
        control: "Security Hub CloudWatch.10 (CIS 1.4.0 4.10)",
        severity: "P4",
        pattern:
            "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
        rationale:
            "Security groups are the instance firewall: one added rule can open a database or SSH to the internet. Check the new rules for 0.0.0.0/0 or ::/0.",
        examples: {
            matches: [
                "corpus:panther__AuthorizeSecurityGroupIngress__ec2-security-group-modified-security-gro.json",
                "sample:ec2-authorize-security-group-ingress.json",
            ],
            ignores: ["corpus:panther__DescribeSecurityGroups__ec2-security-group-modified-security-gro.json"],
        },
    },
    "cis-cloudwatch-11-nacl-changes": {
        title: "Network ACL changed",
        control: "Security Hub CloudWatch.11 (CIS 1.4.0 4.11)",
        severity: "P4",
        pattern:
            "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
        rationale:
            "Network ACLs are the subnet firewall. A permissive entry or a replaced association can expose a whole subnet; check the entries of the changed ACL.",
        examples: {
            matches: [
                "corpus:panther__CreateNetworkAclEntry__ec2-network-acl-modified-network-acl-mod.json",
                "corpus:panther__CreateNetworkAclEntry__network-acl-permissive-entry-overly-perm.json",
                "sample:ec2-create-network-acl-entry.json",
            ],
            ignores: ["sample:ec2-authorize-security-group-ingress.json"],
        },
    },
    "cis-cloudwatch-12-network-gateway-changes": {
        title: "Network gateway changed",
        control: "Security Hub CloudWatch.12 (CIS 1.4.0 4.12)",
        severity: "P3",
        pattern:
            "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
        rationale:
            "Internet and customer gateways decide which networks can reach the VPC at all. A new gateway can open a private network to the internet or to an unknown site.",
        examples: {
            matches: [
                "corpus:panther__AttachInternetGateway__ec2-gateway-modified-network-gateway-mod.json",
                "sample:ec2-attach-internet-gateway.json",
            ],
            ignores: ["corpus:panther__CreateVpc__ec2-vpc-modified-vpc-modified.json"],
        },
    },
    "cis-cloudwatch-13-route-table-changes": {
        title: "Route table changed",
        control: "Security Hub CloudWatch.13 (CIS 1.4.0 4.13)",
        severity: "P4",
        pattern:
            "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
        rationale:
            "Routes decide where traffic leaves the VPC; a changed route can send private traffic through an instance that records it, or to the internet.",
        examples: {
            matches: [
                "corpus:panther__CreateRoute__ec2-route-table-modified-route-table-mod.json",
                "sample:ec2-create-route.json",
            ],
            ignores: ["corpus:panther__CreateNetworkAclEntry__ec2-network-acl-modified-network-acl-mod.json"],
        },
    },
    "cis-cloudwatch-14-vpc-changes": {
        title: "VPC changed",
        control: "Security Hub CloudWatch.14 (CIS 1.4.0 4.14)",
        severity: "P4",
        pattern:
            "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
        rationale:
            "New VPCs and peering connections change which networks can talk to each other; an unexpected peering can connect production to an account outside your control.",
        examples: {
            matches: [
                "corpus:panther__CreateVpc__ec2-vpc-modified-vpc-modified.json",
                "sample:ec2-create-vpc-peering-connection.json",
            ],
            ignores: ["corpus:panther__AttachInternetGateway__ec2-gateway-modified-network-gateway-mod.json"],
        },
    },
    "cis-4-15-organizations-changes": {
        title: "AWS Organizations changed",
        control: "CIS AWS Foundations Benchmark v3.0.0 4.15",
        severity: "P2",
        pattern:
            '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
        rationale:
            "Organization changes move accounts out from under service control policies, detach guardrails or let an account leave the organization and its central logging. They should only come from the platform team's reviewed changes.",
        examples: {
            matches: ["sample:organizations-leave-organization.json"],
            ignores: [
                "sample:organizations-describe-organization.json",
                // Same event name, different service: the eventSource condition keeps IAM out.
                "corpus:panther__AttachRolePolicy__iam-attach-admin-role-policy-iam-role-po.json",
            ],
        },
    },
} satisfies Record<string, Omit<CatalogueRule, "id">>;

/** Ids of the CIS / Security Hub rules. */
export type CisRuleId = keyof typeof cisRules;
