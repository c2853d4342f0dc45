import { Component, type ReactNode } from 'react';

interface Props {
  /** What the page could not show, as the reader knows it: "your saved threads". */
  what: string;
  children: ReactNode;
}

/**
 * When the browser's storage cannot be read (a damaged profile, a full disk, a database
 * another Threadside left half-upgraded), React would otherwise take the whole page down
 * and leave the reader a blank popup. Nothing stored is touched by this: the page says
 * so, and offers to try again. (React catches render errors only in a class component.)
 */
export class StoreFailure extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="store-failure" role="alert">
        <h2>Threadside could not open {this.props.what}</h2>
        <p>Nothing has been deleted: what you saved is still in this browser.</p>
        <p>Try again. If this keeps happening, close the browser and open it again.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
        <p className="store-failure-detail">The browser said: {error.message || String(error)}</p>
      </section>
    );
  }
}
