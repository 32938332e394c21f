import * as vscode from 'vscode';
import { openCommandFor, type NewsAnnotation, type NewsViewModel } from './newsViewModel';
import { plural, shorten } from './labels';

export const ANNOTATIONS_VIEW_ID = 'newsAnnotator.annotations';

export type AnnotationSection = 'byArticle' | 'byTag' | 'orphans';

export interface AnnotationSectionNode {
  readonly kind: 'section';
  readonly id: string;
  readonly section: AnnotationSection;
  readonly label: string;
}

/** An article (by article) or a tag (by tag) and its annotations. */
export interface AnnotationGroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly uri: string | null;
  readonly annotations: readonly NewsAnnotation[];
  readonly parent: AnnotationSectionNode;
}

export interface AnnotationNode {
  readonly kind: 'annotation';
  readonly id: string;
  readonly annotation: NewsAnnotation;
  readonly parent: AnnotationGroupNode | AnnotationSectionNode;
}

export type AnnotationsTreeNode = AnnotationSectionNode | AnnotationGroupNode | AnnotationNode;

const SECTIONS: readonly { section: AnnotationSection; label: string; icon: string }[] = [
  { section: 'byArticle', label: 'By Article', icon: 'file-text' },
  { section: 'byTag', label: 'By Tag', icon: 'tag' },
  { section: 'orphans', label: 'Orphans', icon: 'debug-disconnect' },
];

const LABEL_WIDTH = 70;

/** Annotations by article, by tag, and the orphans whose passage is no longer in the text. */
export class AnnotationsTreeProvider implements vscode.TreeDataProvider<AnnotationsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<AnnotationsTreeNode | undefined>();
  private readonly subscription: vscode.Disposable;
  private readonly sections = SECTIONS.map((s): AnnotationSectionNode => ({ kind: 'section', id: `section:${s.section}`, section: s.section, label: s.label }));
  private readonly children = new Map<string, AnnotationsTreeNode[]>();

  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly model: NewsViewModel) {
    this.subscription = model.onDidChange(() => {
      this.children.clear();
      this.changeEmitter.fire(undefined);
    });
  }

  getChildren(element?: AnnotationsTreeNode): AnnotationsTreeNode[] {
    // No annotations at all: an empty view shows its welcome text.
    if (!element) return this.model.annotations().length ? this.sections : [];
    if (element.kind === 'annotation') return [];
    const cached = this.children.get(element.id);
    if (cached) return cached;
    const built = element.kind === 'section' ? this.sectionChildren(element) : element.annotations.map((a) => this.annotationNode(a, element));
    this.children.set(element.id, built);
    return built;
  }

  getParent(element: AnnotationsTreeNode): AnnotationsTreeNode | undefined {
    return element.kind === 'section' ? undefined : element.parent;
  }

  getTreeItem(element: AnnotationsTreeNode): vscode.TreeItem {
    if (element.kind === 'section') {
      const count = this.sectionCount(element.section);
      const item = new vscode.TreeItem(element.label, element.section === 'byArticle' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = element.id;
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(SECTIONS.find((s) => s.section === element.section)!.icon);
      item.tooltip = `${element.label}: ${count}`;
      item.contextValue = `newsAnnotationSection.${element.section}`;
      item.accessibilityInformation = { label: `Annotations ${element.label.toLowerCase()}, ${count}`, role: 'treeitem' };
      return item;
    }
    if (element.kind === 'group') {
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Collapsed);
      const count = plural(element.annotations.length, 'annotation');
      item.id = element.id;
      item.description = count;
      item.tooltip = `${element.label}: ${count}`;
      item.iconPath = new vscode.ThemeIcon(element.parent.section === 'byTag' ? 'tag' : 'note');
      item.contextValue = 'newsAnnotationGroup';
      item.accessibilityInformation = { label: `${element.label}, ${count}`, role: 'treeitem' };
      return item;
    }
    const { annotation } = element;
    const label = shorten(annotation.text || annotation.quote || '(no text)', LABEL_WIDTH);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    item.description = [annotation.quote && annotation.text ? `“${shorten(annotation.quote, LABEL_WIDTH)}”` : undefined, annotation.tags.map((t) => `#${t}`).join(' ') || undefined].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString();
    if (annotation.text) tooltip.appendText(`${annotation.text}\n\n`);
    if (annotation.quote) tooltip.appendText(`On “${annotation.quote}” `);
    tooltip.appendText(`in ${annotation.source}${annotation.orphaned ? ' (passage not found in the current text)' : ''}`);
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(annotation.orphaned ? 'warning' : 'comment');
    item.contextValue = annotation.orphaned ? 'newsAnnotation.orphan' : 'newsAnnotation';
    if (annotation.uri) {
      const range = annotation.range ?? { start: 0, end: 0 };
      item.command = openCommandFor({ uri: annotation.uri, start: range.start, end: range.end }, 'Open Annotation');
    }
    item.accessibilityInformation = {
      label: `${annotation.orphaned ? 'Orphaned annotation' : 'Annotation'}: ${annotation.text || annotation.quote}, in ${annotation.source}${annotation.tags.length ? `, tags ${annotation.tags.join(', ')}` : ''}`,
      role: 'treeitem',
    };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private sectionCount(section: AnnotationSection): number {
    const all = this.model.annotations();
    if (section === 'orphans') return all.filter((a) => a.orphaned).length;
    if (section === 'byTag') return new Set(all.flatMap((a) => a.tags)).size;
    return new Set(all.map((a) => a.source)).size;
  }

  private sectionChildren(section: AnnotationSectionNode): AnnotationsTreeNode[] {
    const all = this.model.annotations();
    if (section.section === 'orphans') return all.filter((a) => a.orphaned).map((a) => this.annotationNode(a, section));
    const groups = new Map<string, { uri: string | null; annotations: NewsAnnotation[] }>();
    for (const annotation of all) {
      const keys = section.section === 'byTag' ? annotation.tags : [annotation.source];
      for (const key of keys) {
        const group = groups.get(key);
        if (group) group.annotations.push(annotation);
        else groups.set(key, { uri: section.section === 'byArticle' ? annotation.uri : null, annotations: [annotation] });
      }
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, group]): AnnotationGroupNode => {
        const headline = group.uri ? this.model.article(group.uri)?.headline : undefined;
        const label = section.section === 'byTag' ? `#${key}` : headline ?? key;
        return { kind: 'group', id: `${section.id}/${key}`, label, uri: group.uri, annotations: group.annotations, parent: section };
      });
  }

  private annotationNode(annotation: NewsAnnotation, parent: AnnotationGroupNode | AnnotationSectionNode): AnnotationNode {
    return { kind: 'annotation', id: `${parent.id}/${annotation.id}`, annotation, parent };
  }
}

export const REATTACH_COMMAND = 'newsAnnotator.reattachOrphan';
/** The annotations feature's own command for this, tried in order (whichever it registers). */
const ANNOTATIONS_REATTACH_COMMANDS = ['newsAnnotator.reattachAnnotation', 'newsAnnotator.reanchorAnnotation'];

/** The Annotations view and its "Re-attach" context command on orphans. */
export function registerAnnotationsView(model: NewsViewModel): vscode.Disposable {
  const provider = new AnnotationsTreeProvider(model);
  const view = vscode.window.createTreeView(ANNOTATIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  return vscode.Disposable.from(
    provider,
    view,
    vscode.commands.registerCommand(REATTACH_COMMAND, async (node?: AnnotationsTreeNode) => {
      const target = node ?? view.selection[0];
      if (target?.kind !== 'annotation') return;
      const available = new Set(await vscode.commands.getCommands(true));
      const command = ANNOTATIONS_REATTACH_COMMANDS.find((id) => available.has(id));
      if (!command) {
        void vscode.window.showWarningMessage('Re-attaching needs the annotations feature, which is not available.');
        return;
      }
      return vscode.commands.executeCommand(command, target.annotation.id);
    }),
  );
}
