/** Electron's `Event`: a listener calls preventDefault() to stop what the event announces. */
export type ElectronEvent<T extends object = object> = T & {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
};

export function electronEvent<T extends object>(fields: T = {} as T): ElectronEvent<T> {
  let prevented = false;
  return {
    ...fields,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}
