/**
 * The least-privilege IAM policy an application's role needs to read one secret: read that secret's value (and
 * describe it), and decrypt with the key only through Secrets Manager and only for that secret. Secrets Manager
 * calls KMS with the encryption context `SecretARN` (AWS: "How AWS Secrets Manager uses AWS KMS"), so the
 * condition pins the key to this secret.
 */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Action: readonly string[];
    readonly Resource: string;
    readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  }[];
}

export function secretReadPolicy(secretArn: string, keyArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ReadSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: secretArn },
      {
        Sid: "DecryptSecret",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: keyArn,
        Condition: { StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" }, StringEquals: { "kms:EncryptionContext:SecretARN": secretArn } },
      },
    ],
  };
}
