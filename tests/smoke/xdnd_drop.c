/* Drops one file on an X window the way a file manager does (the XDND protocol, version 5),
 * so the smoke test can check the window's drop handling; xdotool cannot drag files.
 * Usage: xdnd_drop WINDOW_ID PATH   (exits 0 once the target sent XdndFinished)
 * The source: an unmapped window owning XdndSelection that offers text/uri-list. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

static Display* dpy;
static Window src, target;

static void Send(Atom type, long l1, long l2, long l3, long l4) {
  XEvent e;
  memset(&e, 0, sizeof e);
  e.xclient.type = ClientMessage;
  e.xclient.window = target;
  e.xclient.message_type = type;
  e.xclient.format = 32;
  e.xclient.data.l[0] = (long)src;
  e.xclient.data.l[1] = l1;
  e.xclient.data.l[2] = l2;
  e.xclient.data.l[3] = l3;
  e.xclient.data.l[4] = l4;
  XSendEvent(dpy, target, False, NoEventMask, &e);
  XFlush(dpy);
}

/* The next event, or 0 after about five seconds. */
static int Next(XEvent* e) {
  for (int waited = 0; waited < 50; ++waited) {
    if (XPending(dpy)) {
      XNextEvent(dpy, e);
      return 1;
    }
    int fd = ConnectionNumber(dpy);
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    struct timeval tv = {0, 100000};
    select(fd + 1, &set, NULL, NULL, &tv);
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: xdnd_drop WINDOW_ID PATH\n");
    return 2;
  }
  dpy = XOpenDisplay(NULL);
  if (!dpy) return 2;
  target = (Window)strtoul(argv[1], NULL, 0);
  src = XCreateSimpleWindow(dpy, DefaultRootWindow(dpy), 0, 0, 1, 1, 0, 0, 0);
  Atom enter = XInternAtom(dpy, "XdndEnter", False);
  Atom position = XInternAtom(dpy, "XdndPosition", False);
  Atom status = XInternAtom(dpy, "XdndStatus", False);
  Atom drop = XInternAtom(dpy, "XdndDrop", False);
  Atom finished = XInternAtom(dpy, "XdndFinished", False);
  Atom selection = XInternAtom(dpy, "XdndSelection", False);
  Atom copy = XInternAtom(dpy, "XdndActionCopy", False);
  Atom uri_list = XInternAtom(dpy, "text/uri-list", False);
  XSetSelectionOwner(dpy, selection, src, CurrentTime);

  /* Over the middle of the window, in root coordinates. */
  XWindowAttributes wa;
  XGetWindowAttributes(dpy, target, &wa);
  int x = 0, y = 0;
  Window child;
  XTranslateCoordinates(dpy, target, DefaultRootWindow(dpy), wa.width / 2, wa.height / 2, &x, &y,
                        &child);
  Send(enter, 5L << 24, (long)uri_list, 0, 0);
  Send(position, 0, ((long)x << 16) | (long)y, CurrentTime, (long)copy);
  XEvent e;
  int accepted = 0;
  while (!accepted && Next(&e)) {
    if (e.type == ClientMessage && e.xclient.message_type == status) {
      if (!(e.xclient.data.l[1] & 1)) {
        fprintf(stderr, "xdnd_drop: the window refuses the drop\n");
        return 1;
      }
      accepted = 1;
    }
  }
  if (!accepted) {
    fprintf(stderr, "xdnd_drop: no XdndStatus from the window\n");
    return 1;
  }
  Send(drop, 0, CurrentTime, 0, 0);
  char uri[4200];
  snprintf(uri, sizeof uri, "file://%s\r\n", argv[2]);
  while (Next(&e)) {
    if (e.type == SelectionRequest) {
      XSelectionRequestEvent* r = &e.xselectionrequest;
      XEvent reply;
      memset(&reply, 0, sizeof reply);
      reply.xselection.type = SelectionNotify;
      reply.xselection.requestor = r->requestor;
      reply.xselection.selection = r->selection;
      reply.xselection.target = r->target;
      reply.xselection.time = r->time;
      reply.xselection.property = None;
      if (r->target == uri_list) {
        XChangeProperty(dpy, r->requestor, r->property, uri_list, 8, PropModeReplace,
                        (unsigned char*)uri, (int)strlen(uri));
        reply.xselection.property = r->property;
      }
      XSendEvent(dpy, r->requestor, False, NoEventMask, &reply);
      XFlush(dpy);
    } else if (e.type == ClientMessage && e.xclient.message_type == finished) {
      return 0;
    }
  }
  fprintf(stderr, "xdnd_drop: no XdndFinished from the window\n");
  return 1;
}
