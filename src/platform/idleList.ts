import type { Instance } from './instance.ts';

/**
 * Ready instances with spare capacity, most recently released first: a
 * doubly linked list threaded through the instances themselves, so that
 * taking the head or tail, and removing any instance whose keep-alive ended,
 * are O(1) without allocation whatever the size of the pool.
 */
export class IdleList {
  head: Instance | null = null;
  tail: Instance | null = null;
  size = 0;

  pushFront(inst: Instance): void {
    inst.prev = null;
    inst.next = this.head;
    if (this.head) this.head.prev = inst;
    else this.tail = inst;
    this.head = inst;
    inst.listed = true;
    this.size++;
  }

  remove(inst: Instance): void {
    if (inst.prev) inst.prev.next = inst.next;
    else this.head = inst.next;
    if (inst.next) inst.next.prev = inst.prev;
    else this.tail = inst.prev;
    inst.prev = null;
    inst.next = null;
    inst.listed = false;
    this.size--;
  }

  /** The k-th instance from the head (O(k): only the random policy walks). */
  at(k: number): Instance | null {
    let inst = this.head;
    for (let i = 0; i < k && inst; i++) inst = inst.next;
    return inst;
  }
}
