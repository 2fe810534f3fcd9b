import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** A view that crashes shows what happened and a way back, instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Taskdeck view crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="no-backlog" role="alert">
        <h1>This view hit a problem</h1>
        <pre className="paths">{this.state.error.message}</pre>
        <button type="button" className="primary" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
