package io.kmsd.policy.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kmsd.core.key.AccountId;
import java.util.ArrayList;
import java.util.List;

/**
 * The console-style key policy (key-policy-semantics D2), with the AWS console's Sids: the D1 root statement,
 * {@code Allow access for Key Administrators}, {@code Allow use of the key} and {@code Allow attachment of
 * persistent resources}.
 */
public final class PolicyTemplate {
    public static final String ADMIN_SID = "Allow access for Key Administrators";
    public static final String USE_SID = "Allow use of the key";
    public static final String GRANTS_SID = "Allow attachment of persistent resources";
    static final List<String> ADMIN_ACTIONS = List.of("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*",
            "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
            "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand");

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PolicyTemplate() {
    }

    /** Template options; {@link #defaults()} = root statement on, deletion allowed, AWS_KMS, single-Region. */
    public record Options(boolean rootStatement, boolean allowDeletion, boolean externalOrigin, boolean multiRegion) {
        public static Options defaults() {
            return new Options(true, true, false, false);
        }
    }

    public static String render(String account, List<String> admins, List<String> users, KeyType keyType) {
        return render(account, admins, users, keyType, Options.defaults());
    }

    /** The policy text; admin and user statements are left out when their principal lists are empty. */
    public static String render(String account, List<String> admins, List<String> users, KeyType keyType,
            Options options) {
        ObjectNode doc = MAPPER.createObjectNode().put("Version", "2012-10-17").put("Id", "key-consolepolicy-3");
        ArrayNode statements = doc.putArray("Statement");
        if (options.rootStatement()) {
            statement(statements, DefaultKeyPolicy.ROOT_SID, List.of(new AccountId(account).rootArn()), List.of("kms:*"));
        }
        if (!admins.isEmpty()) {
            statement(statements, ADMIN_SID, admins, adminActions(options));
        }
        if (!users.isEmpty()) {
            statement(statements, USE_SID, users, usageActions(keyType));
            if (keyType == KeyType.SYMMETRIC || keyType == KeyType.ASYMMETRIC_ENCRYPT) {
                ObjectNode s = statement(statements, GRANTS_SID, users,
                        List.of("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"));
                s.putObject("Condition").putObject("Bool").put("kms:GrantIsForAWSResource", "true");
            }
        }
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template cannot be serialized", e);
        }
    }

    static List<String> adminActions(Options o) {
        List<String> out = new ArrayList<>(ADMIN_ACTIONS);
        if (!o.allowDeletion()) {
            out.removeAll(List.of("kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"));
        }
        if (o.externalOrigin()) {
            out.add("kms:ImportKeyMaterial");
        }
        if (o.multiRegion()) {
            out.addAll(List.of("kms:ReplicateKey", "kms:UpdatePrimaryRegion"));
        }
        return out;
    }

    static List<String> usageActions(KeyType t) {
        return switch (t) {
            case SYMMETRIC -> List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                    "kms:DescribeKey");
            case ASYMMETRIC_ENCRYPT -> List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey",
                    "kms:GetPublicKey");
            case SIGN_VERIFY -> List.of("kms:DescribeKey", "kms:GetPublicKey", "kms:Sign", "kms:Verify");
            case HMAC -> List.of("kms:DescribeKey", "kms:GenerateMac", "kms:VerifyMac");
            case KEY_AGREEMENT -> List.of("kms:DescribeKey", "kms:GetPublicKey", "kms:DeriveSharedSecret");
        };
    }

    private static ObjectNode statement(ArrayNode to, String sid, List<String> principals, List<String> actions) {
        ObjectNode s = to.addObject().put("Sid", sid).put("Effect", "Allow");
        ObjectNode p = s.putObject("Principal");
        if (principals.size() == 1) {
            p.put("AWS", principals.get(0));
        } else {
            principals.forEach(p.putArray("AWS")::add);
        }
        if (actions.size() == 1) {
            s.put("Action", actions.get(0));
        } else {
            actions.forEach(s.putArray("Action")::add);
        }
        s.put("Resource", "*");
        return s;
    }
}
