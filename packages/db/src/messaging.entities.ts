import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the change it reports; the relay publishes it. */
@Entity({ name: 'outbox' })
export class OutboxMessage {
  /** Publication order; the relay publishes the oldest first. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  position!: string;

  @Column({ type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'jsonb' })
  envelope!: object;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** A relay replica's lease on the row while it publishes; expired leases are taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  leasedUntil!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}

/** One row per event a consumer has applied: the effect and this row commit together. */
@Entity({ name: 'inbox' })
export class InboxEntry {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}

/** An event a consumer gave up on, kept with its error so an operator can see and replay it. */
@Entity({ name: 'dead_letters' })
export class DeadLetter {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'jsonb' })
  envelope!: object;

  @Column({ type: 'text' })
  error!: string;

  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  failedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;

  /** The operator whose replay applied it (`person:<id>@<agency>`). */
  @Column({ type: 'text', nullable: true })
  replayedBy!: string | null;
}
