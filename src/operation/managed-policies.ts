/** An AWS managed policy (`arn:aws:iam::aws:policy/…`), as the catalog serves it. */
export interface ManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  /** ANPA… */
  readonly id: string;
  readonly defaultVersionId: string;
  readonly createDate: Date;
  readonly updateDate: Date;
  readonly description?: string | undefined;
  /** Every version, newest first: id, creation date and document (JSON text). */
  readonly versions: readonly {
    readonly versionId: string;
    readonly createDate: Date;
    readonly document: string;
  }[];
}

/** The read-only catalog of AWS managed policies. */
export interface ManagedPolicyCatalog {
  get(arn: string): ManagedPolicy | undefined;
  list(): readonly ManagedPolicy[];
}
