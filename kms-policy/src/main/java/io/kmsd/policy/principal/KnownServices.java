package io.kmsd.policy.principal;

import java.util.Set;

/**
 * Service principals a key policy may name (key-policy-semantics G8d): {@code <service>.amazonaws.com}, or the
 * regional form {@code <service>.<region>.amazonaws.com} for services that use one (CloudWatch Logs).
 */
public final class KnownServices {
    private static final Set<String> SERVICES = Set.of("acm", "airflow", "amplify", "apigateway", "appflow",
            "appsync", "athena", "autoscaling", "backup", "batch", "bedrock", "cloudformation", "cloudfront",
            "cloudtrail", "cloudwatch", "codeartifact", "codebuild", "codecommit", "codepipeline", "cognito-idp",
            "config", "connect", "databrew", "datasync", "dax", "delivery.logs", "dms", "ds", "dynamodb", "ebs",
            "ec2", "ecr", "ecs", "ecs-tasks", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem",
            "elasticloadbalancing", "elasticmapreduce", "es", "events", "firehose", "fsx", "glacier", "glue",
            "guardduty", "imagebuilder", "iot", "kafka", "kinesis", "kinesisanalytics", "lakeformation", "lambda",
            "lex", "logs", "macie", "memorydb", "monitoring", "mq", "opensearchservice", "organizations", "pipes",
            "qldb", "quicksight", "rds", "redshift", "redshift-serverless", "route53", "s3", "sagemaker", "scheduler",
            "secretsmanager", "securityhub", "ses", "sns", "sqs", "ssm", "states", "storagegateway",
            "timestream", "transfer", "workspaces", "xray");

    private KnownServices() {
    }

    public static boolean contains(String principal) {
        String suffix = principal.endsWith(".amazonaws.com.cn") ? ".amazonaws.com.cn" : ".amazonaws.com";
        if (!principal.endsWith(suffix)) {
            return false;
        }
        String head = principal.substring(0, principal.length() - suffix.length());
        if (SERVICES.contains(head)) {
            return true;
        }
        int dot = head.indexOf('.');
        return dot > 0 && SERVICES.contains(head.substring(0, dot)) && head.substring(dot + 1).matches("[a-z]+-[a-z]+-\\d+");
    }
}
