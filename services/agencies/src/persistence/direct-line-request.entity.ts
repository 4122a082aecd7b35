import { Column, Entity, PrimaryColumn } from 'typeorm';

export type DirectLineKind = 'POLICY_QUESTION' | 'PROBLEM';
export type DirectLineReplyKind = 'DECLINED' | 'INTERIM' | 'ANSWER';

/** A 街镇直通车 @件 raised by a township; the bureau's side of it lives in supervision. */
@Entity({ name: 'direct_line_requests' })
export class DirectLineRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  kind!: DirectLineKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'uuid' })
  raisedBy!: string;

  @Column({ type: 'text' })
  raisedByName!: string;

  @Column({ type: 'timestamptz' })
  raisedAt!: Date;
}

/** A reply that came back from the bureau, by event. */
@Entity({ name: 'direct_line_replies' })
export class DirectLineReplyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @Column({ type: 'text' })
  kind!: DirectLineReplyKind;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  repliedAt!: Date;

  @Column({ type: 'uuid' })
  sourceEventId!: string;
}
